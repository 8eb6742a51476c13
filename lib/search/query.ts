// What a reader typed into /search, made safe to hand to PostgreSQL: the query string is
// cleaned and cut to a sane length, and every other parameter falls back to a default instead of
// failing. Pure functions, shared by the page and the tests.
import { z } from "zod";
import { SLUG_PATTERN } from "@/lib/platform/slug";

export const SEARCH_PAGE_SIZE = 20;
/** Longer queries are cut: nobody means 10,000 characters, and the parser's work grows with it. */
export const MAX_QUERY_LENGTH = 200;

/**
 * Removes what PostgreSQL cannot take or nobody means (control characters, NUL, lone surrogates,
 * private-use characters — the latter are our highlight markers), collapses whitespace and cuts the
 * result to MAX_QUERY_LENGTH characters without splitting a character in two.
 */
export function normalizeQuery(raw: string): string {
  const cleaned = raw
    // Only cut what could never be a useful query: parsing 10 kB just to throw most of it away is waste.
    .slice(0, MAX_QUERY_LENGTH * 4)
    .toWellFormed()
    .replace(/[\p{Cc}\p{Cf}\p{Co}\p{Zl}\p{Zp}]/gu, " ")
    .replace(/\s+/gu, " ")
    .trim();
  return Array.from(cleaned).slice(0, MAX_QUERY_LENGTH).join("").trim();
}

// Whole tags, as pasted along with the words around them: `<b>`, `</b>`, `<a href="…">`.
const TAG = /<\/?[a-z][^<>]*>/gi;
// What PostgreSQL's text parser takes for the start of a tag or an entity, swallowing the words
// after it; the search vector reads them as spaces too (see the search_vector_ignores_markup
// migration).
const MARKUP_CHARACTERS = /[<>&]/g;

/**
 * The words of a query as the search vector holds them: tags pasted along with the words are
 * dropped (`<b>commentary` searches for commentary), and the angle brackets and ampersands left are
 * spaces. A query that is nothing but tags searches for the words inside them (`<script>`).
 */
export function searchableQuery(query: string): string {
  const spaced = (text: string) => text.replace(MARKUP_CHARACTERS, " ").replace(/\s+/g, " ").trim();
  return spaced(query.replace(TAG, " ")) || spaced(query);
}

/** A search parameter may arrive repeated (`?q=a&q=b`): the first one counts. */
const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

const slugParam = z.preprocess(
  first,
  z.string().trim().max(100).regex(SLUG_PATTERN).optional().catch(undefined),
);

export const SearchParamsSchema = z.object({
  q: z.preprocess(first, z.string().catch("")).transform(normalizeQuery).catch(""),
  tag: slugParam,
  source: slugParam,
  /** Pages past the end are clamped to the last page once the total is known. */
  page: z.preprocess(first, z.coerce.number().int().min(1).max(1_000_000).catch(1)).catch(1),
});

export type SearchParams = z.output<typeof SearchParamsSchema>;

export function parseSearchParams(input: unknown): SearchParams {
  const parsed = SearchParamsSchema.safeParse(input ?? {});
  return parsed.success ? parsed.data : { q: "", tag: undefined, source: undefined, page: 1 };
}

/** The page to show: at least 1, at most the last page (1 when there are no results). */
export function clampPage(page: number, total: number, pageSize = SEARCH_PAGE_SIZE): number {
  const last = Math.max(1, Math.ceil(total / pageSize));
  if (!Number.isFinite(page) || page < 1) return 1;
  return Math.min(Math.floor(page), last);
}

/** The /search URL for a set of parameters, leaving out the defaults. */
export function searchHref(params: { q?: string; tag?: string; source?: string; page?: number }): string {
  const query = new URLSearchParams();
  if (params.q) query.set("q", params.q);
  if (params.tag) query.set("tag", params.tag);
  if (params.source) query.set("source", params.source);
  if (params.page && params.page > 1) query.set("page", String(params.page));
  const search = query.toString();
  return search ? `/search?${search}` : "/search";
}
