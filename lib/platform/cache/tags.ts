// The names public pages and cached reads are labelled with. A page carries the tag of every
// thing it shows; a change invalidates the tags of what it changed, and only pages carrying one
// of them are rendered again.
export const cacheTag = {
  /** Which articles are public, and what their cards show: every list, feed, sitemap and search. */
  articles: "articles",
  /** One article's own page (its body, attribution, bylines) and the cards that show it. */
  article: (id: string) => `article:${id}`,
  /** The approved comments under one article, and its comment feed. */
  comments: (articleId: string) => `comments:${articleId}`,
  /** Every comment feed and count (the site-wide comments feed). */
  allComments: "comments",
  tag: (id: string) => `tag:${id}`,
  source: (id: string) => `source:${id}`,
  person: (id: string) => `person:${id}`,
  /** The site's identity (title, tagline, logo, time zone, language), shown on every page. */
  site: "site",
} as const;
