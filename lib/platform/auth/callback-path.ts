/** Where to go after signing in: only a path on this site, never another origin. */
export function safeCallbackPath(value: string | string[] | undefined, fallback = "/admin"): string {
  const candidate = Array.isArray(value) ? value[0] : value;
  if (!candidate) return fallback;
  try {
    const url = new URL(candidate, "http://site.invalid");
    if (url.origin !== "http://site.invalid") return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
