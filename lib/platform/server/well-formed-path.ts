// Next decodes every dynamic segment of a path itself. A segment that is not percent-encoded UTF-8
// (`%ff`, `%`, `%zz`, the overlong `%c0%ae`, the lone surrogate `%ed%a0%80`) makes that throw, and
// in an App Router build Next then has no error page to show: it answers 500 "Internal Server
// Error", on every dynamic route at once. Such a path cannot name anything on this site, nor can one
// holding a control character (a NUL can be neither a file name nor a PostgreSQL string) or a
// segment longer than any name here, so it is answered before Next routes it: JSON 400 under /api,
// the site's not-found page everywhere else.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Handler } from "./request-handler";

/**
 * In UTF-8 bytes, decoded. Longer than any name on this site (slugs have at most 80 characters,
 * media keys are short), and short enough to be a file name in the cache of rendered pages, which
 * stores a page under its path with a suffix such as `.segments`.
 */
export const MAX_SEGMENT_BYTES = 240;

export type PathProblem = "malformed-escape" | "control-character" | "segment-too-long";

const CONTROL_CHARACTER = /\p{Cc}/u;

/** The path of a request target: origin-form (`/a/b?q`) or absolute-form (`http://host/a/b?q`). */
export function pathOfRequestTarget(target: string): string {
  const end = target.search(/[?#]/);
  const path = end === -1 ? target : target.slice(0, end);
  if (path.startsWith("/")) return path;
  return /^[a-z][a-z\d+.-]*:\/\/[^/]*(\/.*)?$/i.exec(path)?.[1] ?? "/";
}

/** Why no route of this site can be at `path` (as sent, still percent-encoded); null when it may be. */
export function pathProblem(path: string): PathProblem | null {
  for (const segment of path.split("/")) {
    if (!segment) continue;
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return "malformed-escape";
    }
    if (CONTROL_CHARACTER.test(decoded)) return "control-character";
    if (Buffer.byteLength(decoded) > MAX_SEGMENT_BYTES) return "segment-too-long";
  }
  return null;
}

const API_MESSAGES: Record<PathProblem, string> = {
  "malformed-escape":
    "The address has a malformed percent-escape: each % must begin an escape of valid UTF-8, such as %C3%A9 for é.",
  "control-character":
    "The address holds a control character (such as %00), which no address on this site has.",
  "segment-too-long": `A part of the address is longer than any name on this site (at most ${MAX_SEGMENT_BYTES} bytes).`,
};

// Next's own route for the not-found page (app/not-found.tsx), answered with status 404.
const NOT_FOUND_PATH = "/_not-found";

export function withWellFormedPath(handle: Handler): Handler {
  return (request: IncomingMessage, response: ServerResponse) => {
    const target = request.url ?? "/";
    const path = pathOfRequestTarget(target);
    const problem = pathProblem(path);
    if (!problem) return handle(request, response);
    if (path === "/api" || path.startsWith("/api/")) {
      response.writeHead(400, {
        "Content-Type": "application/json",
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      });
      response.end(JSON.stringify({ error: { code: "MALFORMED_URL", message: API_MESSAGES[problem] } }));
      return;
    }
    const query = target.indexOf("?");
    request.url = NOT_FOUND_PATH + (query === -1 ? "" : target.slice(query));
    return handle(request, response);
  };
}
