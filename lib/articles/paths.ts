// An article's public address, built and read in this one place. Slugs may be in any script
// (台海局势) or hold reserved characters, so the slug is percent-encoded as one path segment.
// Client-safe: cards, feeds, the sitemap, JSON-LD, the content API and the proxy all use it.

export const articlePath = (slug: string) => `/articles/${encodeURIComponent(slug)}`;

/**
 * The address of an article's version in another language: its kept original, published beside
 * it (lib/articles/language-versions.ts). The language leads the path, as it leads the page.
 */
export const articleVersionPath = (slug: string, language: string) =>
  `/${encodeURIComponent(language)}${articlePath(slug)}`;

const ARTICLE_PATH = /^\/articles\/([^/]+)\/?$/;
const VERSION_PATH = /^\/([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\/articles\/([^/]+)\/?$/;

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

/** The slug and language a language version's URL names; null as for `slugFromArticlePath`. */
export function slugFromVersionPath(pathname: string): { slug: string; language: string } | null {
  const [, language, segment] = VERSION_PATH.exec(pathname) ?? [];
  if (language === undefined || segment === undefined) return null;
  const slug = slugFromArticlePath(`/articles/${segment}`);
  return slug === null ? null : { slug, language };
}
