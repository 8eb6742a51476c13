// One access log line per request. It names the request, never the person: no query string
// (search terms, tokens), no cookies, no headers, and no email address even inside a path.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "@/lib/platform/logger";

const EMAIL_LIKE = /[^/]*(?:@|%40)[^/]*/gi;

/** The path of a request URL without its query string, emails masked. */
export function loggablePath(url: string | undefined): string {
  const raw = url ?? "/";
  const query = raw.indexOf("?");
  const path = query === -1 ? raw : raw.slice(0, query);
  return path.includes("@") || path.includes("%40") ? path.replace(EMAIL_LIKE, "[redacted]") : path;
}

/** Logs the request once the response is done (or the client went away). Call before routing. */
export function logWhenDone(
  logger: Logger,
  request: IncomingMessage,
  response: ServerResponse,
  requestId: string,
  startedAt: number,
): void {
  // Next rewrites request.url while routing: keep what the client asked for.
  const { method, url } = request;
  response.once("close", () => {
    const line = {
      requestId,
      method,
      path: loggablePath(url),
      status: response.statusCode,
      durationMs: Math.round((performance.now() - startedAt) * 10) / 10,
    };
    if (response.writableFinished) logger.info(line, "request");
    else logger.info({ ...line, aborted: true }, "request aborted");
  });
}
