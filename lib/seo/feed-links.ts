// Feed autodiscovery. Next replaces a layout's `alternates` with a page's own (it does not merge
// them), so every page that sets a canonical URL builds its alternates here, and the site's feed
// is linked from every page, next to the page's own feed when it has one.
import type { Metadata } from "next";

export interface FeedLink {
  url: string;
  title: string;
}

/** Named for what it holds, so the label stays true whatever the site is called. */
export const SITE_FEED: FeedLink = { url: "/feed.xml", title: "All articles" };

/** A page's `alternates`: its canonical URL (if any), the site feed and the page's own feeds. */
export function pageAlternates({
  canonical,
  feeds = [],
  versions = [],
}: {
  canonical?: string;
  feeds?: FeedLink[];
  /** The page's language versions, each page's own among them: reciprocal hreflang links. */
  versions?: ReadonlyArray<{ language: string; path: string }>;
} = {}): NonNullable<Metadata["alternates"]> {
  return {
    ...(canonical ? { canonical } : {}),
    // Only between pages of this site; a lone version has no alternates.
    ...(versions.length > 1
      ? { languages: Object.fromEntries(versions.map((version) => [version.language, version.path])) }
      : {}),
    types: { "application/rss+xml": [SITE_FEED, ...feeds] },
  };
}
