// Absolute URLs of public pages, from env.SITE_URL (which may carry a path prefix).

/** `siteUrl` joined with a site path that starts with "/" (a trailing slash on `siteUrl` is fine). */
export function absoluteUrl(siteUrl: string, path: string): string {
  return `${siteUrl.replace(/\/+$/, "")}${path}`;
}

export const articlePath = (slug: string) => `/articles/${encodeURIComponent(slug)}`;
export const tagPath = (slug: string) => `/tags/${encodeURIComponent(slug)}`;
export const sourcePath = (slug: string) => `/sources/${encodeURIComponent(slug)}`;
export const authorPath = (slug: string) => `/authors/${encodeURIComponent(slug)}`;
export const tagFeedPath = (slug: string) => `/feeds/tags/${encodeURIComponent(slug)}`;
export const sourceFeedPath = (slug: string) => `/feeds/sources/${encodeURIComponent(slug)}`;
