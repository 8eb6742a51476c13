// Search in scripts written without spaces between words (Chinese, Japanese; Korean too, whose
// words the English text search does not know): PostgreSQL's text search cannot split them into
// words, so a query in them is matched as substrings (lib/search/substring-search.ts). Here, the
// pure part: telling such a query apart, its terms, their LIKE patterns, and the marked title and
// snippet, cut on character (grapheme) boundaries. Client-safe, shared with the unit tests.
import { MARK_START, MARK_STOP } from "./highlight";

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** True when the text holds a Han, Hiragana, Katakana or Hangul character. */
export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

/** At most this many terms count; a query is at most MAX_QUERY_LENGTH characters anyway. */
export const MAX_SUBSTRING_TERMS = 12;

// Terms are separated by spaces (the ideographic one too), by CJK punctuation and brackets
// (、。「」『』【】 …), by their full-width ASCII forms and by ASCII double quotes: a query
// pasted as 「岸田」、台湾 holds the terms 岸田 and 台湾.
const SEPARATORS = /[\s"\u3000-\u303F\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65]+/u;

/**
 * What a query asks for: groups of terms, each of which an article must match with one of its
 * terms (台湾 OR 日本 is one group of two), and terms none may hold (-安倍).
 */
export interface SubstringQuery {
  groups: string[][];
  excluded: string[];
}

/** Every term a query asks for, in order: what the titles and snippets mark. */
export function askedTerms(asked: SubstringQuery): string[] {
  return asked.groups.flat();
}

/**
 * The terms of a query, in order, each once (compared case-insensitively), at most
 * MAX_SUBSTRING_TERMS in all, read as the text search reads a query in other languages: every
 * term must match, `OR` between two terms lets either do, and a term written with a minus before
 * it (日本 -安倍) must not match.
 */
export function substringQuery(query: string): SubstringQuery {
  const seen = new Set<string>();
  const found: SubstringQuery = { groups: [], excluded: [] };
  let either = false;
  for (const word of query.split(SEPARATORS)) {
    if (word === "-") continue; // a dash between words, not a term
    if (word.toLowerCase() === "or") {
      either = found.groups.length > 0;
      continue;
    }
    const excluded = word.length > 1 && word.startsWith("-");
    const term = excluded ? word.slice(1) : word;
    const key = term.toLowerCase();
    const joins = either && !excluded;
    either = false;
    if (!term || seen.has(key)) continue;
    seen.add(key);
    if (excluded) found.excluded.push(term);
    else if (joins) found.groups.at(-1)!.push(term);
    else found.groups.push([term]);
    if (seen.size === MAX_SUBSTRING_TERMS) break;
  }
  return found;
}

/** The (I)LIKE pattern that finds `term` anywhere, its `%`, `_` and `\` taken literally. */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, "\\$&")}%`;
}

/**
 * The group whose terms find the fewest candidates: one whose every term has CJK in it (a Latin
 * word also matches other forms of itself, which no substring finds), the one whose shortest term
 * is longest (most trigrams). Undefined when no group is all CJK.
 */
export function leadingGroup(groups: string[][]): string[] | undefined {
  const length = (term: string) => Array.from(term).length;
  const weakest = (group: string[]) => Math.min(...group.map(length));
  return groups.filter((group) => group.every(hasCjk)).sort((a, b) => weakest(b) - weakest(a))[0];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** A case-insensitive pattern for every occurrence of any of the terms, longest first. */
function termsPattern(terms: string[]): RegExp | null {
  if (!terms.length) return null;
  const alternatives = [...terms].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(alternatives.join("|"), "giu");
}

/** The highlight markers are private-use characters: any in a text are not ours, and go. */
const withoutMarkers = (text: string) => text.replaceAll(MARK_START, "").replaceAll(MARK_STOP, "");

/** The text with every occurrence of the terms between the highlight markers. */
export function markTerms(text: string, terms: string[]): string {
  const pattern = termsPattern(terms);
  const clean = withoutMarkers(text);
  return pattern ? clean.replace(pattern, (match) => `${MARK_START}${match}${MARK_STOP}`) : clean;
}

/** True when any of the terms occurs in the text (as ILIKE would find it). */
export function containsAnyTerm(text: string, terms: string[]): boolean {
  const pattern = termsPattern(terms);
  return pattern ? text.search(pattern) >= 0 : false;
}

/** How many characters (graphemes) a snippet keeps before its first match, and in all. */
export const SNIPPET_BEFORE = 40;
export const SNIPPET_LENGTH = 160;
const CLUSTER_UNITS = 16;
const SENTENCE_END = /[。！？!?.;；\n]/u;

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * The grapheme clusters of `text` from UTF-16 offset `from` to `to`, none of them cut. An offset
 * picked by arithmetic may fall inside a cluster (a surrogate pair, a base and its marks): the
 * cluster cut there is dropped. `at` is an offset known to be a boundary (where a match starts).
 */
function clustersBetween(text: string, from: number, to: number, at?: number): string[] {
  const clusters = Array.from(graphemes.segment(text.slice(from, to)), (s) => s.segment);
  if (from > 0 && from !== at && clusters.length) clusters.shift();
  if (to < text.length && to !== at && clusters.length) clusters.pop();
  return clusters;
}

/**
 * A passage of the text around the first occurrence of any term, with every occurrence marked:
 * up to SNIPPET_BEFORE characters before it (from the start of its sentence when that is near),
 * SNIPPET_LENGTH characters in all, cut on grapheme boundaries, with "…" where it was cut and
 * line breaks read as spaces. Null when no term occurs in the text.
 */
export function substringSnippet(original: string, terms: string[]): string | null {
  const pattern = termsPattern(terms);
  if (!pattern) return null;
  const text = withoutMarkers(original);
  const at = text.search(pattern);
  if (at < 0) return null;
  // Generous UTF-16 margins, then counted in graphemes: a character is one or two code units, an
  // emoji sequence up to a dozen or so. Text rich in longer clusters gets a shorter passage.
  const sliceFrom = Math.max(0, at - SNIPPET_BEFORE * CLUSTER_UNITS);
  const before = clustersBetween(text, sliceFrom, at, at);
  let lead = before.slice(-SNIPPET_BEFORE);
  const sentenceStart = lead.findLastIndex((cluster) => SENTENCE_END.test(cluster));
  if (sentenceStart >= 0) lead = lead.slice(sentenceStart + 1);
  // "…" marks a passage that starts inside a sentence; one that starts a sentence needs none.
  const fromStart = sliceFrom === 0 && lead.length === before.length;
  const cutBefore = !fromStart && sentenceStart < 0;
  const sliceTo = Math.min(text.length, at + SNIPPET_LENGTH * CLUSTER_UNITS);
  const after = clustersBetween(text, at, sliceTo, at);
  const rest = after.slice(0, Math.max(0, SNIPPET_LENGTH - lead.length));
  const cutAfter = rest.length < after.length || sliceTo < text.length;
  const passage = (lead.join("") + rest.join("")).replace(/\s+/gu, " ").trim();
  return `${cutBefore ? "… " : ""}${markTerms(passage, terms)}${cutAfter ? " …" : ""}`;
}

/** The opening of the text, SNIPPET_LENGTH characters at most, cut on a grapheme boundary. */
export function openingPassage(text: string): string {
  const clean = withoutMarkers(text);
  const sliceTo = Math.min(clean.length, SNIPPET_LENGTH * CLUSTER_UNITS);
  const clusters = clustersBetween(clean, 0, sliceTo);
  const passage = clusters.slice(0, SNIPPET_LENGTH).join("").replace(/\s+/gu, " ").trim();
  return clusters.length > SNIPPET_LENGTH || sliceTo < clean.length ? `${passage} …` : passage;
}
