// Feed autodiscovery. Next replaces a layout's `alternates` with a page's own (it does not merge
// them), so every page that sets a canonical URL builds its alternates here, and the site's feed
// is linked from every page, next to the page's own feed when it has one.
import type { Metadata } from "next";
import { SITE_NAME } from "./json-ld";

export interface FeedLink {
  url: string;
  title: string;
}

export const SITE_FEED: FeedLink = { url: "/feed.xml", title: SITE_NAME };

/** A page's `alternates`: its canonical URL (if any), the site feed and the page's own feeds. */
export function pageAlternates({
  canonical,
  feeds = [],
}: { canonical?: string; feeds?: FeedLink[] } = {}): NonNullable<Metadata["alternates"]> {
  return {
    ...(canonical ? { canonical } : {}),
    types: { "application/rss+xml": [SITE_FEED, ...feeds] },
  };
}
