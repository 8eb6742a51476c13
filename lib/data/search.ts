// Public full-text search. PostgreSQL does the matching and ranking over the generated
// "searchVector" column (raw SQL, since Prisma cannot express tsquery); which of the matches a
// reader may see is then decided by `publicArticleWhere`, the one visibility rule, through Prisma.
import "server-only";
import { articleCardSelect } from "@/lib/data/articles";
import { publicArticleWhere } from "@/lib/articles/visibility";
import type { ArticleCard } from "@/lib/data/articles";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TagKind } from "@/lib/generated/prisma/enums";
import { MARK_START, MARK_STOP, splitHighlights, type HighlightSegment } from "@/lib/search/highlight";
import { clampPage, SEARCH_PAGE_SIZE } from "@/lib/search/query";

/** At most this many best-ranked matches are considered; the rest would never be paged to. */
export const MAX_SEARCH_CANDIDATES = 1000;

const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_STOP}, MaxWords=35, MinWords=15, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "`;
const TITLE_HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_STOP}, HighlightAll=true`;

export interface SearchHit {
  article: ArticleCard;
  /** The title with the matched words marked (the plain title when nothing in it matched). */
  title: HighlightSegment[];
  /** A passage of the excerpt and body around the matches; empty when browsing without a query. */
  snippet: HighlightSegment[];
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
  /** True when more than MAX_SEARCH_CANDIDATES articles matched and only the best were kept. */
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

/** A Date as a UTC `timestamp` (the columns are timestamp without time zone, holding UTC). */
const utcTimestamp = (date: Date) =>
  Prisma.sql`(CAST(${date.toISOString()} AS timestamptz) AT TIME ZONE 'UTC')`;

function plain(text: string): HighlightSegment[] {
  return text ? [{ text, mark: false }] : [];
}

async function loadCards(
  ids: string[],
  now: Date,
  filters: SearchFilters,
): Promise<Map<string, ArticleCard>> {
  if (!ids.length) return new Map();
  const cards = await db.article.findMany({
    where: { AND: [{ id: { in: ids } }, publicArticleWhere(now), ...filterWhere(filters)] },
    select: articleCardSelect,
  });
  return new Map(cards.map((card) => [card.id, card]));
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

  const query = input.q;
  const released = utcTimestamp(input.now);
  // 1. Every match, best first. Drafts and future articles are dropped here already so they do
  //    not crowd out the cap; the authoritative visibility check is step 2.
  const candidates = await db.$queryRaw<{ id: string }[]>`
    WITH q AS (SELECT websearch_to_tsquery('english', ${query}) AS query)
    SELECT a."id",
           ts_filter(a."searchVector", '{a}') @@ q.query AS "titleHit",
           ts_rank_cd(a."searchVector", q.query, 1) AS "rank"
    FROM "Article" a CROSS JOIN q
    WHERE a."searchVector" @@ q.query
      AND a."status" IN ('PUBLISHED', 'SCHEDULED')
      AND a."publishedAt" <= ${released}
      AND a."withdrawnAt" IS NULL
      ${filterSql(filters)}
    ORDER BY "titleHit" DESC, "rank" DESC, a."publishedAt" DESC, a."id" DESC
    LIMIT ${MAX_SEARCH_CANDIDATES + 1}`;

  if (!candidates.length) {
    const [{ nodes }] = await db.$queryRaw<[{ nodes: number }]>`
      SELECT numnode(websearch_to_tsquery('english', ${query}))::int AS "nodes"`;
    return empty(nodes === 0);
  }

  const capped = candidates.length > MAX_SEARCH_CANDIDATES;
  const candidateIds = candidates.slice(0, MAX_SEARCH_CANDIDATES).map((c) => c.id);

  // 2. Which of them readers may see: the one visibility rule, plus the filters again.
  const visible = new Set(
    (
      await db.article.findMany({
        where: {
          AND: [{ id: { in: candidateIds } }, publicArticleWhere(input.now), ...filterWhere(filters)],
        },
        select: { id: true },
      })
    ).map((a) => a.id),
  );
  const ranked = candidateIds.filter((id) => visible.has(id));
  const total = ranked.length;
  const page = clampPage(input.page, total, pageSize);
  const pageIds = ranked.slice((page - 1) * pageSize, page * pageSize);

  // 3. Snippets for this page only (ts_headline re-reads the text), and the cards.
  const [headlines, cards] = await Promise.all([
    pageIds.length
      ? db.$queryRaw<{ id: string; title: string; snippet: string }[]>`
          WITH q AS (SELECT websearch_to_tsquery('english', ${query}) AS query)
          SELECT a."id",
                 ts_headline('english', translate(a."title", ${MARK_START + MARK_STOP}, ''),
                             q.query, ${TITLE_HEADLINE_OPTIONS}) AS "title",
                 ts_headline('english',
                             translate(concat_ws(' ', nullif(a."excerpt", ''), a."bodyText"),
                                       ${MARK_START + MARK_STOP}, ''),
                             q.query, ${HEADLINE_OPTIONS}) AS "snippet"
          FROM "Article" a CROSS JOIN q
          WHERE a."id" IN (${Prisma.join(pageIds)})`
      : Promise.resolve([]),
    loadCards(pageIds, input.now, filters),
  ]);
  const headlineById = new Map(headlines.map((h) => [h.id, h]));

  const hits: SearchHit[] = [];
  for (const id of pageIds) {
    const article = cards.get(id);
    if (!article) continue; // left the public set between the two reads
    const headline = headlineById.get(id);
    hits.push({
      article,
      title: headline ? splitHighlights(headline.title) : plain(article.title),
      snippet: headline ? splitHighlights(headline.snippet) : plain(article.excerpt),
    });
  }

  return {
    query,
    filters,
    hits,
    total,
    capped,
    page,
    totalPages: Math.max(1, Math.ceil(total / pageSize)),
    pageSize,
    noSearchableWords: false,
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
      title: plain(article.title),
      snippet: plain(article.excerpt),
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
