// Pure text rules of the comment pipeline: duplicate normalization, link counting and word-list
// matching. No database here, so they are unit-tested directly.

/** For duplicate detection: Unicode-normalized, case-folded, whitespace collapsed. */
export function normalizeBody(body: string): string {
  return body.normalize("NFKC").toLowerCase().replace(/\s+/gu, " ").trim();
}

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+/giu;

/** How many http(s) URLs the text contains. */
export function countLinks(text: string): number {
  return text.match(URL_PATTERN)?.length ?? 0;
}

/**
 * Scripts written without spaces between words: a term in them is matched as a substring,
 * since there is no word boundary to look for.
 */
const NO_SPACE_SCRIPTS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}

/**
 * A case-insensitive matcher for one word-list term: the substring for Chinese/Japanese terms,
 * otherwise the whole word, where a word boundary is anything that is not a letter, digit or
 * combining mark in any script (so "class" does not match "ass", nor "классный" match "класс").
 * Returns null for a blank term.
 */
export function termPattern(term: string): RegExp | null {
  const normalized = term.normalize("NFKC").trim();
  if (!normalized) return null;
  const escaped = escapeRegExp(normalized).replace(/\s+/gu, "\\s+");
  if (NO_SPACE_SCRIPTS.test(normalized)) return new RegExp(escaped, "iu");
  return new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])${escaped}(?![\\p{L}\\p{N}\\p{M}])`, "iu");
}

/** The terms of `terms` that occur in `text`, each at most once. */
export function matchingTerms(text: string, terms: readonly string[]): string[] {
  const haystack = text.normalize("NFKC");
  return terms.filter((term) => termPattern(term)?.test(haystack) ?? false);
}
