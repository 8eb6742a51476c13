// Absolute addresses on this site, for whatever is read away from it (feeds, the content API,
// canonical links, JSON-LD). A SITE_URL with a path prefix (https://example.com/crosscurrent)
// keeps its prefix.

export function absoluteUrl(siteUrl: string, path: string): string {
  const base = siteUrl.replace(/\/+$/, "");
  return `${base}${path.startsWith("/") ? path : `/${path}`}`;
}
