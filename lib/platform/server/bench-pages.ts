// The benchmark's yardstick pages (app/(bench)/bench-static) are in every build, prerendered, but
// only a server started for the benchmark serves them (SERVE_BENCH_PAGES, set by
// scripts/bench/site.ts): any other answers 404, so they are no part of the public site. Decided
// here rather than in proxy.ts so that the yardstick stays "Next serving a static page", with no
// proxy run in front of it.
import type { Handler } from "./request-handler";

export const BENCH_PAGES_PATH = "/bench-static";

export function isBenchPagePath(requestUrl: string): boolean {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(requestUrl, "http://localhost").pathname);
  } catch {
    return false; // a malformed escape names no page: Next answers it
  }
  return pathname === BENCH_PAGES_PATH || pathname.startsWith(`${BENCH_PAGES_PATH}/`);
}

export function withBenchPages(handle: Handler, options: { serve: boolean }): Handler {
  if (options.serve) return handle;
  return (request, response) => {
    if (!isBenchPagePath(request.url ?? "/")) return handle(request, response);
    response.statusCode = 404;
    response.setHeader("Content-Type", "text/plain; charset=utf-8");
    response.setHeader("Cache-Control", "no-store");
    response.end("Not Found");
  };
}
