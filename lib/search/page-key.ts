// A search's cached page. A /search?… request that asks for anything is rewritten (proxy.ts) to
// /search/<key>, where the key holds the normalized parameters, so that each distinct search is one
// cached page, shared by every reader who asks the same, like the home and archive pages. The empty
// search (nothing asked yet) is /search itself. Server and proxy only.
import { parseSearchParams, type SearchParams } from "./query";

/** The path segment for a set of parameters: URL-safe, and the same for equivalent requests. */
export function searchPageKey(params: SearchParams): string {
  const fields = [params.q, params.tag ?? "", params.source ?? "", params.page];
  return Buffer.from(JSON.stringify(fields), "utf8").toString("base64url");
}

function isEmptySearch(params: SearchParams): boolean {
  return !params.q && !params.tag && !params.source && params.page === 1;
}

/**
 * The parameters a key stands for, or null when it is not the key of any normalized search
 * (a hand-made /search/<anything>), or is the empty search's, whose page is /search: such URLs are
 * not found, so they cannot fill the cache.
 */
export function searchParamsFromKey(key: string): SearchParams | null {
  let fields: unknown;
  try {
    fields = JSON.parse(Buffer.from(key, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!Array.isArray(fields) || fields.length !== 4) return null;
  const [q, tag, source, page] = fields as unknown[];
  const params = parseSearchParams({ q, tag: tag || undefined, source: source || undefined, page });
  return searchPageKey(params) === key && !isEmptySearch(params) ? params : null;
}

/** Where a /search request with these URL parameters is rendered. */
export function searchPagePath(query: URLSearchParams): string {
  const input: Record<string, string> = {};
  for (const name of ["q", "tag", "source", "page"]) {
    const value = query.get(name); // the first, as parseSearchParams takes it
    if (value !== null) input[name] = value;
  }
  const params = parseSearchParams(input);
  return isEmptySearch(params) ? "/search" : `/search/${searchPageKey(params)}`;
}
