// The Cache-Control of public answers built by our own routes (feeds, the content API, comment
// threads, the withdrawal notice): shared caches may keep them 30 s, well inside the promise
// that a withdrawn piece is gone within a minute. Pages get theirs from next.config.ts.
export const PUBLIC_SHORT_CACHE = "public, max-age=30, s-maxage=30";
