// `next build` prerenders every page that has no dynamic segment (the home page, the empty
// search), and there is no database at build time. Such pages render nothing then: the page cache
// never serves a build's entry (page-cache-handler.mjs renders it again on its first request), so
// readers only ever see a page rendered by the running server.
import { PHASE_PRODUCTION_BUILD } from "next/constants";

export function isBuildPrerender(): boolean {
  return process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD;
}
