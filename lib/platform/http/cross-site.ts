// Cross-site request forgery, refused before anything runs: a request that can change something
// (any method but GET, HEAD, OPTIONS) from a page of another site gets 403. Browsers name the
// sending page's origin in `Origin` on such requests (older ones at least send Sec-Fetch-Site).
// Session cookies are SameSite=Lax as well; this holds even where that would not.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Handler } from "@/lib/platform/server/request-handler";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Whether `request` changes state on behalf of another site. `siteOrigin` is SITE_URL's origin. */
export function isCrossSiteWrite(request: IncomingMessage, siteOrigin: string): boolean {
  if (SAFE_METHODS.has(request.method ?? "GET")) return false;
  const origin = request.headers.origin;
  if (origin === undefined) return request.headers["sec-fetch-site"] === "cross-site";
  const host = request.headers.host;
  return origin !== siteOrigin && origin !== `http://${host}` && origin !== `https://${host}`;
}

export function withCrossSiteGuard(handle: Handler, options: { siteOrigin: string }): Handler {
  return (request: IncomingMessage, response: ServerResponse) => {
    if (!isCrossSiteWrite(request, options.siteOrigin)) return handle(request, response);
    response.writeHead(403, { "Content-Type": "application/json", "Cache-Control": "no-store" });
    response.end(
      JSON.stringify({
        error: {
          code: "CROSS_SITE",
          message: "Cross-site requests are refused. Make the change from this site's own pages.",
        },
      }),
    );
  };
}
