// An article's public address, built and read in this one place. Slugs may be in any script
// (台海局势) or hold reserved characters, so the slug is percent-encoded as one path segment.
// Client-safe: cards, feeds, the sitemap, JSON-LD, the content API and the proxy all use it.

export const articlePath = (slug: string) => `/articles/${encodeURIComponent(slug)}`;

const ARTICLE_PATH = /^\/articles\/([^/]+)\/?$/;

/** The slug an article URL names; null when `pathname` is no article URL or its escapes are malformed. */
export function slugFromArticlePath(pathname: string): string | null {
  const segment = ARTICLE_PATH.exec(pathname)?.[1];
  if (segment === undefined) return null;
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
