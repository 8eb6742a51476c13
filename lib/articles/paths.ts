// An article's public addresses, built and read in this one place. Slugs may be in any script
// (台海局势) or hold reserved characters, so the slug is percent-encoded as one path segment.
// Client-safe: cards, feeds, the sitemap, JSON-LD, the content API and the proxy all use it.
import { KNOWN_LANGUAGES } from "@/lib/platform/languages";

export const articlePath = (slug: string) => `/articles/${encodeURIComponent(slug)}`;

/**
 * The address of an article's version in another language: its kept original, published beside
 * it (lib/articles/language-versions.ts). The language leads the path, as it leads the page.
 */
export const articleVersionPath = (slug: string, language: string) =>
  `/${encodeURIComponent(language)}${articlePath(slug)}`;

/** The reading view with a published original and the article paragraph beside paragraph. */
export const sideBySidePath = (slug: string) => `${articlePath(slug)}/side-by-side`;

/** Which of an article's public pages an address is. */
export type ArticlePage =
  | { page: "article"; slug: string }
  | { page: "side-by-side"; slug: string }
  | { page: "version"; slug: string; language: string };

const ARTICLE_PAGES: Array<[RegExp, (slug: string, language: string) => ArticlePage]> = [
  [/^\/articles\/([^/]+)\/?$/, (slug) => ({ page: "article", slug })],
  [/^\/articles\/([^/]+)\/side-by-side\/?$/, (slug) => ({ page: "side-by-side", slug })],
  [
    new RegExp(`^/(?:${KNOWN_LANGUAGES.join("|")})/articles/([^/]+)/?$`),
    (slug, language) => ({ page: "version", slug, language }),
  ],
];

/** The article page an address names; null for other paths and for malformed escapes. */
export function articlePageOf(pathname: string): ArticlePage | null {
  for (const [pattern, page] of ARTICLE_PAGES) {
    const segment = pattern.exec(pathname)?.[1];
    if (segment === undefined) continue;
    try {
      return page(decodeURIComponent(segment), decodeURIComponent(pathname.split("/")[1]!));
    } catch {
      return null;
    }
  }
  return null;
}

/** The slug an article URL names; null when `pathname` is no article URL or its escapes are malformed. */
export function slugFromArticlePath(pathname: string): string | null {
  const page = articlePageOf(pathname);
  return page?.page === "article" ? page.slug : null;
}
