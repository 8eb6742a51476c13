// Absolute public URLs, for canonical links, JSON-LD and the content API. Slugs may be in any
// script (台海局势), so each one is percent-encoded as a path segment; a SITE_URL with a path
// prefix (https://example.com/crosscurrent) keeps its prefix. An article's own path is
// `articlePath` (lib/articles/paths.ts).
import { articlePath } from "@/lib/articles/paths";

export { absoluteUrl } from "@/lib/platform/site-url";

export const tagPath = (slug: string) => `/tags/${encodeURIComponent(slug)}`;
export const sourcePath = (slug: string) => `/sources/${encodeURIComponent(slug)}`;
export const authorPath = (slug: string) => `/authors/${encodeURIComponent(slug)}`;
export const tagFeedPath = (slug: string) => `/feeds/tags/${encodeURIComponent(slug)}`;
export const sourceFeedPath = (slug: string) => `/feeds/sources/${encodeURIComponent(slug)}`;

/** Only http(s) addresses are ever put in an href or a JSON-LD URL that came from stored data. */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * Where search engines should send readers of an article: the original, when the reprint's terms
 * ask for that and its URL is a real web address; our own page otherwise.
 */
export function articleCanonical(article: {
  slug: string;
  originalUrl: string | null;
  isTranslation: boolean;
  authorization: { canonicalToOriginal: boolean } | null;
}): string {
  // A translation is a page in another language than the original's, and a canonical link across
  // languages tells search engines the wrong thing: a translation keeps its own.
  const toOriginal = article.authorization?.canonicalToOriginal && !article.isTranslation;
  return (toOriginal ? safeHttpUrl(article.originalUrl) : null) ?? articlePath(article.slug);
}
