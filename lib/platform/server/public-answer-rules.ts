// Which requests the launcher may answer from its memory of public answers (page-memory.ts), and
// which of Next's answers it may keep there. Everything else goes to Next as it always has.
import type { IncomingMessage, OutgoingHttpHeaders } from "node:http";
import type { RequestTags } from "@/lib/platform/cache/request-tags";
import { KNOWN_LANGUAGES } from "@/lib/platform/languages";

// The public surfaces: home and its pages, articles, archives and their pages, search, feeds,
// the sitemap and the JSON API. Staff screens, sign-in, comment threads and media are not here.
// An article's pages: its own, the side-by-side view and its original in another language (at
// /<language>/articles/<slug>; lib/articles/paths.ts).
const PAGE_PATH = new RegExp(
  String.raw`^/(?:|page/\d{1,6}|articles/[^/]+(?:/side-by-side)?|(?:${KNOWN_LANGUAGES.join("|")})/articles/[^/]+|(?:tags|sources|authors)/[^/]+(?:/page/\d{1,6})?|search(?:/[^/]+)?)$`,
);
// Route handlers whose answer is built only from public reads (lib/articles/visibility-change.ts
// `readPublic`), each of which notes its tags: no page cache entry stands for them.
const ROUTE_PATH = /^\/(?:feed\.xml|feeds\/(?:tags|sources)\/[^/]+|sitemap\.xml|api\/v1\/[^?]+)$/;

// Request headers that make Next answer something other than the page itself (its router's
// requests), or that name a person.
const ANSWER_CHANGING_HEADERS = [
  "authorization",
  "rsc",
  "next-action",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "next-url",
  "next-router-stale-time",
  "x-middleware-prefetch",
];
// Any sign-in cookie (session, CSRF, callback URL) of next-auth / Auth.js, with either prefix.
const AUTH_COOKIE = /(?:^|;)\s*(?:__Secure-|__Host-)?(?:next-auth|authjs)\./i;
// What Next's own Vary may name on a kept answer: only headers whose presence alone keeps a
// request from the memory (above), and the encoding, which the memory chooses itself.
const VARY_ALLOWED = new Set([
  "rsc",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "next-url",
  "accept-encoding",
]);

function pathOf(url: string): string {
  const query = url.indexOf("?");
  return query === -1 ? url : url.slice(0, query);
}

/** Whether a kept answer may be given to this request (anonymous, and Next's router not asking). */
export function mayAnswerFromMemory(request: IncomingMessage): boolean {
  const { method, headers } = request;
  if (method !== "GET" && method !== "HEAD") return false;
  for (const name of ANSWER_CHANGING_HEADERS) if (headers[name] !== undefined) return false;
  const cookie = headers.cookie;
  if (cookie !== undefined && AUTH_COOKIE.test(cookie)) return false;
  return !(request.url ?? "").includes("_rsc=");
}

export type Kind = "page" | "route";

/** Whether Next's answer to this request may be kept, and how its tags are known; null if not. */
export function keepableRequest(request: IncomingMessage): Kind | null {
  if (request.method !== "GET" || !mayAnswerFromMemory(request)) return null;
  const path = pathOf(request.url ?? "/");
  if (PAGE_PATH.test(path)) return "page";
  if (ROUTE_PATH.test(path)) return "route";
  return null;
}

function names(value: OutgoingHttpHeaders[string]): string[] {
  const text = Array.isArray(value) ? value.join(",") : String(value ?? "");
  return text
    .split(",")
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
}

/**
 * Whether Next's answer is one anyone may be given: a 200 it marks public itself, setting no
 * cookie, varying only on what keeps a request away from the memory. Such an answer to a keepable
 * request carries its cache tags for a CDN (page-memory.ts).
 */
export function isPublicAnswer(status: number, headers: OutgoingHttpHeaders): boolean {
  if (status !== 200) return false;
  // (A Content-Encoding here is the launcher's compression, applied after the body was copied.)
  if (headers["set-cookie"] !== undefined) return false;
  const cacheControl = names(headers["cache-control"]);
  if (!cacheControl.includes("public")) return false;
  if (cacheControl.some((d) => d === "private" || d === "no-store" || d === "no-cache")) return false;
  return names(headers.vary).every((name) => VARY_ALLOWED.has(name));
}

/**
 * Whether Next's finished answer may be kept: a public answer (above), not a stale copy, built
 * from tags we know all of.
 */
export function isKeepableAnswer(
  kind: Kind,
  status: number,
  headers: OutgoingHttpHeaders,
  collected: RequestTags,
): boolean {
  if (!isPublicAnswer(status, headers)) return false;
  if (headers["x-nextjs-cache"] === "STALE") return false;
  return kind === "page" ? collected.pageEntry : collected.tags.size > 0;
}

export function varyWithEncoding(headers: OutgoingHttpHeaders): string {
  const all = new Set(names(headers.vary));
  all.add("accept-encoding");
  return [...all].join(", ");
}
