// Public full-text search. PostgreSQL does the matching and ranking over the generated
// "searchVector" column (raw SQL, since Prisma cannot express tsquery), over the public articles
// only (`publicArticleSql`, the visibility rule in SQL, lib/articles/visibility.ts); the cards of
// the shown page are then read by id.
// A query with Chinese, Japanese or Korean in it goes another way: the text search cannot split
// those scripts into words, so it is matched as substrings, in the article and in its kept original
// (substring-search.ts), and the hit says which language version matched.
import "server-only";
import { articleCardSelect } from "@/lib/articles/public-articles";
import { publicArticleSql, publicArticleWhere } from "@/lib/articles/visibility";
import type { ArticleCard } from "@/lib/articles/public-articles";
import { publishesOriginal } from "@/lib/articles/language-versions";
import { articlePath, articleVersionPath } from "@/lib/articles/paths";
import { db } from "@/lib/platform/db";
import { preparedSql } from "@/lib/platform/database/prepared-statements";
import { languageAutonym } from "@/lib/platform/languages";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TagKind } from "@/lib/generated/prisma/enums";
import { MARK_START, MARK_STOP, splitHighlights, type HighlightSegment } from "@/lib/search/highlight";
import { clampPage, SEARCH_PAGE_SIZE, searchableQuery } from "@/lib/search/query";
import { countSubstringMatches, substringPage, type SubstringRow } from "@/lib/search/substring-search";
import {
  askedTerms,
  hasCjk,
  markTerms,
  openingPassage,
  substringQuery,
  substringSnippet,
  type SubstringQuery,
} from "@/lib/search/substring-terms";

/**
 * At most this many matches are ranked and paged through: when more match, the newest of them.
 * Ranking every match of a word most articles hold would read every article's search vector.
 */
export const MAX_SEARCH_CANDIDATES = 1000;

const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_STOP}, MaxWords=35, MinWords=15, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "`;
const TITLE_HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_STOP}, HighlightAll=true`;
// ts_headline reads the text with the parser that swallows markup-like text (see the
// search_vector_ignores_markup migration), and would leave such words unmarked or drop them: it is
// given private-use stand-ins, which it reads as spaces, and they are put back in its answer. The
// highlight markers and the stand-ins themselves are removed from the text first.
const MARKUP = "<>&";
const MARKUP_STAND_INS = "\uE002\uE003\uE004";
const HEADLINE_INPUT_FROM = MARKUP + MARK_START + MARK_STOP + MARKUP_STAND_INS;
// The excerpt is searched with the body, but most excerpts are the body's opening (cut short with
// "…"): such an excerpt is left out of the snippet's text, or the passage would say it twice.
const SNIPPET_EXCERPT = Prisma.sql`CASE WHEN strpos(a."bodyText", rtrim(a."excerpt", '…')) > 0 THEN NULL
                                        ELSE nullif(a."excerpt", '') END`;
// ts_headline parses all the text it is given, which made it most of a search's snippet cost. It
// is given the text only up to a little past where each word of the query first appears: the
// words' positions in the search vector times the text's mean word length, which holds the first
// passages it would mark. All of it for a phrase, whose words may first appear apart, and when that
// estimate fell short (the words before the match much longer than the text's mean) and the
// passage has no match marked. When the excerpt and body do not match the query themselves (the
// match is in the title), no passage can: ts_headline shows the text's opening, and is given just
// that.
const SNIPPET_WORDS_PAST_MATCHES = 60;
const SNIPPET_POSITION_SLACK = 1.15;

function snippetHeadline(text: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`ts_headline('english', translate(${text}, ${HEADLINE_INPUT_FROM}, ${MARKUP_STAND_INS}),
                                q.query, ${HEADLINE_OPTIONS})`;
}

export interface SearchHit {
  article: ArticleCard;
  /** Where the result leads: the article, or its original's page when only the original matched. */
  href: string;
  /** The title with the matched words marked (the plain title when nothing in it matched). */
  title: HighlightSegment[];
  /** A passage of the excerpt and body around the matches; empty when browsing without a query. */
  snippet: HighlightSegment[];
  /** The snippet's language when it is not the site's: a passage of the original. */
  snippetLanguage: string | null;
  /**
   * Which version of the piece the query matched: the article, its kept original, or both (every
   * term in each, or some terms in one and the rest in the other). Only CJK queries search
   * originals; every other hit is the article's.
   */
  matchedIn: "article" | "original" | "both";
  /** The kept original, when it matched. */
  original: MatchedOriginal | null;
}

export interface MatchedOriginal {
  /** BCP 47 tag, for `lang`. */
  language: string;
  /** The language's name in itself (简体中文). */
  name: string;
  /** Its public page, when the desk publishes it beside the article; null otherwise. */
  path: string | null;
  /**
   * Its title with the matches marked, when it is published: an original the desk has not
   * published is only named, never quoted.
   */
  title: HighlightSegment[] | null;
}

export interface SearchFilters {
  tag?: string;
  source?: string;
}

export interface SearchResults {
  query: string;
  filters: SearchFilters;
  hits: SearchHit[];
  total: number;
  /** True when more than MAX_SEARCH_CANDIDATES articles matched and only the newest were ranked. */
  capped: boolean;
  page: number;
  totalPages: number;
  pageSize: number;
  /** The query had words, but none that search can use (only stop words or punctuation). */
  noSearchableWords: boolean;
}

function filterWhere(filters: SearchFilters): Prisma.ArticleWhereInput[] {
  const where: Prisma.ArticleWhereInput[] = [];
  if (filters.tag) where.push({ tags: { some: { tag: { slug: filters.tag } } } });
  if (filters.source) where.push({ source: { slug: filters.source } });
  return where;
}

function filterSql(filters: SearchFilters): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (filters.tag) {
    parts.push(Prisma.sql`AND EXISTS (
      SELECT 1 FROM "ArticleTag" at JOIN "Tag" t ON t."id" = at."tagId"
      WHERE at."articleId" = a."id" AND t."slug" = ${filters.tag})`);
  }
  if (filters.source) {
    parts.push(Prisma.sql`AND EXISTS (
      SELECT 1 FROM "Source" s WHERE s."id" = a."sourceId" AND s."slug" = ${filters.source})`);
  }
  return parts.length ? Prisma.join(parts, " ") : Prisma.empty;
}

function plain(text: string): HighlightSegment[] {
  return text ? [{ text, mark: false }] : [];
}

/**
 * The cards of a page of matches. The matches were read through the visibility rule an instant
 * before: it is not applied again (planning it would double the read). An article that leaves the
 * public set in between is in this one answer, as it would be had it left just after; the page
 * itself was stamped with its start, so the invalidation that follows keeps it from being served
 * again (lib/platform/cache). One deleted in between has no card and is left out.
 */
async function loadCards(ids: string[]): Promise<Map<string, ArticleCard>> {
  if (!ids.length) return new Map();
  const cards = await db.article.findMany({ where: { id: { in: ids } }, select: articleCardSelect });
  return new Map(cards.map((card) => [card.id, card]));
}

interface RankedRow {
  id: string;
  /** How many public articles match in all (not capped). */
  matches: number;
}

// The query with each of its words weighted A, the weight the search vector gives the title (the
// search_vector_ignores_markup migration): the vector matches it where the title alone matches the
// query, without a title-only copy of every candidate's vector (ts_filter), which cost a third of
// the ranking. websearch_to_tsquery writes each word quoted, with no weight or prefix mark of its
// own, so the weight goes right after the closing quote.
function titleOnly(query: string): Prisma.Sql {
  return Prisma.sql`regexp_replace(websearch_to_tsquery('english', ${query})::text,
                                   '''((?:[^'']|'''')*)''', '''\\1'':A', 'g')::tsquery`;
}

/**
 * One page of the public matches, best first (title matches, then ts_rank_cd), with the number
 * of matches (up to one past the cap). The matches are the newest MAX_SEARCH_CANDIDATES + 1, found
 * through the GIN index for a rare word or by walking the newest articles for a common one; only
 * they are ranked. The tsquery is inlined (NOT MATERIALIZED) so the planner can use it as an index
 * condition; the candidates are MATERIALIZED so that ranking reads just them.
 */
function rankedPage(
  query: string,
  filters: SearchFilters,
  now: Date,
  offset: number,
  limit: number,
): Promise<RankedRow[]> {
  return db.$queryRaw<RankedRow[]>`
    WITH q AS NOT MATERIALIZED (
      SELECT websearch_to_tsquery('english', ${query}) AS query, ${titleOnly(query)} AS "titleQuery"
    ),
    candidates AS MATERIALIZED (
      SELECT a."id", a."publishedAt", a."searchVector"
      FROM "Article" a CROSS JOIN q
      WHERE a."searchVector" @@ q.query
        AND ${publicArticleSql(now)}
        ${filterSql(filters)}
      ORDER BY a."publishedAt" DESC, a."id" DESC
      LIMIT ${MAX_SEARCH_CANDIDATES + 1}
    )
    -- Each of the two reads the vector out of TOAST itself. Reading it once for both, through
    -- "|| ''::tsvector", costs more than the second read: the concatenation rebuilds the vector.
    SELECT c."id", (count(*) OVER ())::int AS "matches"
    FROM candidates c CROSS JOIN q
    ORDER BY c."searchVector" @@ q."titleQuery" DESC, ts_rank_cd(c."searchVector", q.query, 1) DESC,
             c."publishedAt" DESC, c."id" DESC
    LIMIT ${limit} OFFSET ${offset}`;
}

interface HighlightedRow {
  id: string;
  title: string;
  snippet: string;
}

/**
 * The page's titles and snippets are made in this many statements at once, each on a connection
 * of its own, so that PostgreSQL makes them on as many cores: ts_headline re-reads the texts, and
 * was most of a search's time in the database.
 */
const HIGHLIGHT_STATEMENTS = 2;

/** The title and snippet of each of `ids`, with the words `query` matched marked. */
async function highlightedTexts(query: string, ids: string[]): Promise<Map<string, HighlightedRow>> {
  const size = Math.ceil(ids.length / HIGHLIGHT_STATEMENTS);
  const parts = Array.from({ length: HIGHLIGHT_STATEMENTS }, (_, i) => ids.slice(i * size, (i + 1) * size));
  const rows = await Promise.all(parts.filter((part) => part.length).map((part) => highlighted(query, part)));
  return new Map(rows.flat().map((row) => [row.id, row]));
}

/**
 * The highlighted title and snippet of each of `ids`: prepared, as its text is the same for every
 * search (the ids are one parameter).
 */
function highlighted(query: string, ids: string[]): Promise<HighlightedRow[]> {
  return db.$queryRaw<HighlightedRow[]>(
    preparedSql(Prisma.sql`
    WITH q AS NOT MATERIALIZED (
      SELECT websearch_to_tsquery('english', ${query}) AS query,
             tsvector_to_array(to_tsvector('english', ${query})) AS "words",
             strpos(websearch_to_tsquery('english', ${query})::text, '<') > 0 AS "phrase"
    )
    SELECT a."id",
           translate(ts_headline('english',
                                 translate(a."title", ${HEADLINE_INPUT_FROM}, ${MARKUP_STAND_INS}),
                                 q.query, ${TITLE_HEADLINE_OPTIONS}),
                     ${MARKUP_STAND_INS}, ${MARKUP}) AS "title",
           translate(CASE WHEN strpos(near."headline", ${MARK_START}) = 0 AND s."reach" < length(t."text")
                               AND seen."inText"
                          THEN ${snippetHeadline(Prisma.sql`t."text"`)}
                          ELSE near."headline" END,
                     ${MARKUP_STAND_INS}, ${MARKUP}) AS "snippet"
    FROM "Article" a CROSS JOIN q
         -- OFFSET 0 keeps a lateral a step of its own, computed once per row: the planner would
         -- otherwise copy its expression into every place that names it (the text sixteen times,
         -- the passage's headline twice).
         CROSS JOIN LATERAL (SELECT concat_ws(' ', ${SNIPPET_EXCERPT}, a."bodyText") AS "text" OFFSET 0) t
         -- Whether the excerpt and body match the query (weighted B and C; the title is A), and
         -- where the last word of the query to appear in them first does.
         CROSS JOIN LATERAL (
           SELECT ts_filter(a."searchVector", '{b,c}') @@ q.query AS "inText",
                  max(w."first") AS "position" FROM (
             SELECT min(x."position") FILTER (WHERE x."weight" <> 'A') AS "first"
             FROM unnest(a."searchVector") u
                  CROSS JOIN LATERAL unnest(u."positions", u."weights") x("position", "weight")
             WHERE u."lexeme" = ANY (q."words")
             GROUP BY u."lexeme") w
         ) seen
         CROSS JOIN LATERAL (
           SELECT CASE WHEN q."phrase" AND seen."inText" THEN length(t."text")
                       ELSE ceil((CASE WHEN seen."inText" THEN coalesce(seen."position", 0) ELSE 0 END
                                  * ${SNIPPET_POSITION_SLACK}::numeric + ${SNIPPET_WORDS_PAST_MATCHES}::int)
                                 * length(t."text")::numeric
                                 / (length(t."text") - length(replace(t."text", ' ', '')) + 1))::int
                  END AS "reach"
           OFFSET 0
         ) s
         CROSS JOIN LATERAL (
           SELECT ${snippetHeadline(Prisma.sql`left(t."text", s."reach")`)} AS "headline" OFFSET 0
         ) near
    WHERE a."id" = ANY (${ids}::text[])`),
  );
}

/** How many public articles match, counting no further than one past the cap. */
async function countMatches(query: string, filters: SearchFilters, now: Date): Promise<number> {
  const [{ count }] = await db.$queryRaw<[{ count: number }]>`
    SELECT count(*)::int AS "count" FROM (
      SELECT 1 FROM "Article" a
      WHERE a."searchVector" @@ websearch_to_tsquery('english', ${query})
        AND ${publicArticleSql(now)}
        ${filterSql(filters)}
      LIMIT ${MAX_SEARCH_CANDIDATES + 1}
    ) m`;
  return count;
}

/**
 * Searches the public articles. An empty query with a tag or source filter lists that tag's or
 * source's articles, newest first; an empty query without filters finds nothing (the page shows
 * topics instead). `page` is clamped to the pages that exist.
 */
export async function searchArticles(input: {
  q: string;
  tag?: string;
  source?: string;
  page: number;
  now: Date;
  /** The site's language (`siteIdentity().language`): an original in it is no version of its own. */
  siteLanguage: string;
  pageSize?: number;
}): Promise<SearchResults> {
  const pageSize = input.pageSize ?? SEARCH_PAGE_SIZE;
  const filters: SearchFilters = { tag: input.tag, source: input.source };
  const empty = (noSearchableWords: boolean): SearchResults => ({
    query: input.q,
    filters,
    hits: [],
    total: 0,
    capped: false,
    page: 1,
    totalPages: 1,
    pageSize,
    noSearchableWords,
  });

  if (!input.q) {
    if (!filters.tag && !filters.source) return empty(false);
    return browse({ ...input, filters, pageSize });
  }

  // The query as PostgreSQL is given it; the reader's own words are what the page shows.
  const query = searchableQuery(input.q);
  if (hasCjk(query)) {
    const asked = substringQuery(query);
    if (!asked.groups.length) return empty(true);
    return substringSearch({ ...input, filters, pageSize, asked }, empty);
  }
  const { page, rows, matches } = await pageOfMatches(
    input.page,
    pageSize,
    (offset, limit) => rankedPage(query, filters, input.now, offset, limit),
    () => countMatches(query, filters, input.now),
  );

  if (!matches) {
    const [{ nodes }] = await db.$queryRaw<[{ nodes: number }]>`
      SELECT numnode(websearch_to_tsquery('english', ${query}))::int AS "nodes"`;
    return empty(nodes === 0);
  }

  const ids = rows.map((row) => row.id);
  const [cards, texts] = await Promise.all([loadCards(ids), highlightedTexts(query, ids)]);
  const hits: SearchHit[] = [];
  for (const row of rows) {
    const article = cards.get(row.id);
    const text = texts.get(row.id);
    if (!article || !text) continue; // deleted between the reads
    hits.push({
      article,
      href: articlePath(article.slug),
      title: splitHighlights(text.title),
      snippet: splitHighlights(text.snippet),
      snippetLanguage: null,
      matchedIn: "article",
      original: null,
    });
  }
  return resultsPage(input.q, filters, hits, matches, page, pageSize);
}

function resultsPage(
  query: string,
  filters: SearchFilters,
  hits: SearchHit[],
  matches: number,
  page: number,
  pageSize: number,
): SearchResults {
  const total = Math.min(matches, MAX_SEARCH_CANDIDATES);
  return {
    query,
    filters,
    hits,
    total,
    capped: matches > MAX_SEARCH_CANDIDATES,
    page,
    totalPages: Math.max(1, Math.ceil(total / pageSize)),
    pageSize,
    noSearchableWords: false,
  };
}

/**
 * The page of matches asked for, and how many there are. Pages past the cap are never read; a
 * page past the matches is clamped to the last page there is (after one count).
 */
async function pageOfMatches<Row extends { matches: number }>(
  requested: number,
  pageSize: number,
  fetch: (offset: number, limit: number) => Promise<Row[]>,
  count: () => Promise<number>,
): Promise<{ page: number; rows: Row[]; matches: number }> {
  const read = (page: number) => {
    const offset = (page - 1) * pageSize;
    return fetch(offset, Math.max(0, Math.min(pageSize, MAX_SEARCH_CANDIDATES - offset)));
  };
  // Never further than the last page the cap allows; past the matches, clamped below.
  let page = clampPage(requested, MAX_SEARCH_CANDIDATES, pageSize);
  let rows = await read(page);
  let matches = rows[0]?.matches ?? 0;
  if (!rows.length && page > 1) {
    // Asked for a page past the end: count, then show the last page there is.
    matches = await count();
    if (matches) {
      page = clampPage(requested, Math.min(matches, MAX_SEARCH_CANDIDATES), pageSize);
      rows = await read(page);
    }
  }
  return { page, rows, matches };
}

/** A query with CJK in it: substring matching in the article and its kept original. */
async function substringSearch(
  input: {
    q: string;
    asked: SubstringQuery;
    filters: SearchFilters;
    page: number;
    now: Date;
    pageSize: number;
    siteLanguage: string;
  },
  empty: (noSearchableWords: boolean) => SearchResults,
): Promise<SearchResults> {
  const { asked, filters, now, pageSize } = input;
  const { page, rows, matches } = await pageOfMatches(
    input.page,
    pageSize,
    (offset, limit) => substringPage(asked, filterSql(filters), now, offset, limit),
    () => countSubstringMatches(asked, filterSql(filters), now),
  );
  if (!matches) return empty(false);
  const cards = await loadCards(rows.map((row) => row.id));
  const hits: SearchHit[] = [];
  for (const row of rows) {
    const article = cards.get(row.id);
    if (!article) continue; // deleted between the two reads
    hits.push(substringHit(row, article, askedTerms(asked), input.siteLanguage));
  }
  return resultsPage(input.q, filters, hits, matches, page, pageSize);
}

/**
 * A substring match as the page shows it. It leads to the original's own page when only the
 * original matched and the desk publishes it; the snippet is then a passage of the original. An
 * original that is not published is named but not quoted: the snippet comes from the article.
 */
function substringHit(
  row: SubstringRow,
  article: ArticleCard,
  terms: string[],
  siteLanguage: string,
): SearchHit {
  const kept =
    row.originalLanguage !== null && row.originalTitle !== null
      ? { language: row.originalLanguage, title: row.originalTitle }
      : null;
  const matchedIn: SearchHit["matchedIn"] = row.ownMatch
    ? row.originalHit
      ? "both"
      : "article"
    : row.originalMatch
      ? "original"
      : "both";
  const published = publishesOriginal(row, kept, siteLanguage);
  const versionPath = published ? articleVersionPath(article.slug, kept.language) : null;
  const original: MatchedOriginal | null =
    kept && matchedIn !== "article"
      ? {
          language: kept.language,
          name: languageAutonym(kept.language),
          path: versionPath,
          title: published ? splitHighlights(markTerms(kept.title, terms)) : null,
        }
      : null;

  let snippet: string | null = null;
  let snippetLanguage: string | null = null;
  if (matchedIn === "original" && published) {
    snippet = substringSnippet(row.originalBodyText ?? "", terms);
    if (snippet) snippetLanguage = kept.language;
  }
  snippet ??=
    substringSnippet(row.bodyText, terms) ??
    substringSnippet(row.excerpt, terms) ??
    markTerms(openingPassage(row.excerpt || row.bodyText), terms);

  return {
    article,
    href: matchedIn === "original" && versionPath ? versionPath : articlePath(article.slug),
    title: splitHighlights(markTerms(article.title, terms)),
    snippet: splitHighlights(snippet),
    snippetLanguage,
    matchedIn,
    original,
  };
}

async function browse(input: {
  q: string;
  filters: SearchFilters;
  page: number;
  now: Date;
  pageSize: number;
}): Promise<SearchResults> {
  const where: Prisma.ArticleWhereInput = {
    AND: [publicArticleWhere(input.now), ...filterWhere(input.filters)],
  };
  const total = await db.article.count({ where });
  const page = clampPage(input.page, total, input.pageSize);
  const articles = total
    ? await db.article.findMany({
        where,
        orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
        skip: (page - 1) * input.pageSize,
        take: input.pageSize,
        select: articleCardSelect,
      })
    : [];
  return {
    query: "",
    filters: input.filters,
    hits: articles.map((article) => ({
      article,
      href: articlePath(article.slug),
      title: plain(article.title),
      snippet: plain(article.excerpt),
      snippetLanguage: null,
      matchedIn: "article",
      original: null,
    })),
    total,
    capped: false,
    page,
    totalPages: Math.max(1, Math.ceil(total / input.pageSize)),
    pageSize: input.pageSize,
    noSearchableWords: false,
  };
}

export interface FacetOption {
  name: string;
  slug: string;
  count: number;
}

export interface TagFacetOption extends FacetOption {
  kind: TagKind;
}

/**
 * Tags and sources that have at least one public article, with how many: the filter menus and
 * the topics shown on the empty search page. Most-used first.
 */
export async function listSearchFacets(
  now: Date,
): Promise<{ tags: TagFacetOption[]; sources: FacetOption[] }> {
  const publicArticle = publicArticleWhere(now);
  const [tags, sources] = await Promise.all([
    db.tag.findMany({
      where: { articles: { some: { article: publicArticle } } },
      select: {
        name: true,
        slug: true,
        kind: true,
        _count: { select: { articles: { where: { article: publicArticle } } } },
      },
    }),
    db.source.findMany({
      where: { articles: { some: publicArticle } },
      select: { name: true, slug: true, _count: { select: { articles: { where: publicArticle } } } },
    }),
  ]);
  const byCount = <T extends FacetOption>(a: T, b: T) => b.count - a.count || a.name.localeCompare(b.name);
  return {
    tags: tags
      .map((t) => ({ name: t.name, slug: t.slug, kind: t.kind, count: t._count.articles }))
      .sort(byCount),
    sources: sources.map((s) => ({ name: s.name, slug: s.slug, count: s._count.articles })).sort(byCount),
  };
}

/** The newest public articles, for the empty search page. */
export async function listRecentForSearch(now: Date, take = 5): Promise<ArticleCard[]> {
  return db.article.findMany({
    where: publicArticleWhere(now),
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take,
    select: articleCardSelect,
  });
}
