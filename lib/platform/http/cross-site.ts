// Cross-site request forgery, refused before anything runs: a request that can change something
// (any method but GET, HEAD, OPTIONS) from a page of another site gets 403. One predicate on plain
// header values serves the launcher (every request, before Next) and the route handlers (which
// tests also call directly).
//
// Browsers name the sending page's origin in `Origin` on such requests and say in Sec-Fetch-Site
// (a header no page can set) how it relates to the target. A write passes when:
// - Sec-Fetch-Site is `same-origin` or `none` (the browser's own verdict, or the user typed it);
// - or `Origin` is the request's own host (its Host header, over http or https) or SITE_URL's
//   origin: the site answers under any name it is reached by (localhost, 127.0.0.1, [::1]) and
//   under its public name behind a proxy that rewrites Host;
// - or there is no `Origin` and Sec-Fetch-Site is not `cross-site` (not a browser, or an old one).
// A `same-site` page with another origin (a sibling subdomain) is refused: it is not this site.
// Session cookies are SameSite=Lax as well; this holds even where that would not.
import type { IncomingMessage, ServerResponse } from "node:http";
import { env } from "@/lib/platform/env";
import type { Handler } from "@/lib/platform/server/request-handler";
import { errorPayload, jsonError, type Refusal } from "./json-errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export interface CrossSiteHeaders {
  method: string;
  origin: string | null;
  host: string | null;
  secFetchSite: string | null;
}

export const CROSS_SITE_REFUSAL: Refusal = {
  code: "CROSS_SITE",
  message: "Cross-site requests are refused. Make the change from this site's own pages.",
};

/** `value`'s origin (scheme, host, port, lower-cased), or null when it is not an http(s) URL. */
function originOf(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : null;
  } catch {
    return null;
  }
}

/** Whether this request changes state on behalf of another site. `siteOrigin` is SITE_URL's origin. */
export function isCrossSiteWrite(request: CrossSiteHeaders, siteOrigin: string): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return false;
  const fetchSite = request.secFetchSite?.toLowerCase() ?? null;
  if (fetchSite === "same-origin" || fetchSite === "none") return false;
  if (request.origin === null) return fetchSite === "cross-site";
  const origin = originOf(request.origin); // "null" (a sandboxed or opaque page) is never ours
  if (origin === null) return true;
  const own = [siteOrigin, ...(request.host ? [`http://${request.host}`, `https://${request.host}`] : [])];
  return !own.some((candidate) => originOf(candidate) === origin);
}

export const siteOrigin = (): string => new URL(env.SITE_URL).origin;

/** For route handlers: the 403 answer to a cross-site write, or null to go on. */
export function refuseCrossSite(request: Request): Response | null {
  const { headers } = request;
  const crossSite = isCrossSiteWrite(
    {
      method: request.method,
      origin: headers.get("origin"),
      // A request built without a Host header (tests) is addressed by its URL.
      host: headers.get("host") ?? new URL(request.url).host,
      secFetchSite: headers.get("sec-fetch-site"),
    },
    siteOrigin(),
  );
  return crossSite ? jsonError(CROSS_SITE_REFUSAL) : null;
}

/** The launcher's guard, in front of Next: server actions and route handlers alike. */
export function withCrossSiteGuard(handle: Handler, options: { siteOrigin: string }): Handler {
  return (request: IncomingMessage, response: ServerResponse) => {
    const { headers } = request;
    const single = (value: string | string[] | undefined) => (typeof value === "string" ? value : null);
    const crossSite = isCrossSiteWrite(
      {
        method: request.method ?? "GET",
        origin: single(headers.origin),
        host: single(headers.host),
        secFetchSite: single(headers["sec-fetch-site"]),
      },
      options.siteOrigin,
    );
    if (!crossSite) return handle(request, response);
    const { status, headers: responseHeaders, body } = errorPayload(CROSS_SITE_REFUSAL);
    response.writeHead(status, responseHeaders);
    response.end(body);
  };
}
