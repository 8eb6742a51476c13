// Search for queries in Chinese, Japanese or Korean (lib/search/substring-terms.ts), which the
// text search cannot split into words. Such a query is matched as substrings (LIKE, or ILIKE for a
// term with letters that have case; `%`, `_` and `\` taken literally) in the article's own title,
// excerpt and body text and in the title and body text of the latest revision of its kept original,
// over the public articles only (`publicArticleSql`). Every term must match, each in either text
// (or one of two joined by OR), and a term asked to be left out (-安倍) must be in neither.
// A Latin word in a mixed query (岸田 NATO) matches as a substring too, so that it is found in the
// original as well, or, in the article's own text, through the search vector, so that English
// words still match their other forms (catches finds catch). The longest CJK term (or a group of
// them joined by OR) finds the candidates through the trigram indexes (the cjk_search migration);
// a term of two characters has no trigram, and is found by reading the texts: slower, never
// wrong. Queries without CJK never come here, so the text search's plans and speed are untouched.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { publicArticleSql } from "@/lib/articles/visibility";
import { db } from "@/lib/platform/db";
import { askedTerms, containsPattern, hasCjk, leadingGroup, type SubstringQuery } from "./substring-terms";

/** One matching article of the page asked for, with the texts its title and snippet are cut from. */
export interface SubstringRow {
  id: string;
  /** How many public articles match in all (not capped). */
  matches: number;
  /** Every term is in the article's own title, excerpt or body. */
  ownMatch: boolean;
  /** Every term is in the kept original (its latest revision). */
  originalMatch: boolean;
  /** Some term is in the kept original. */
  originalHit: boolean;
  excerpt: string;
  bodyText: string;
  originalPublished: boolean;
  originalLanguage: string | null;
  originalTitle: string | null;
  originalBodyText: string | null;
}

/** The latest revision of the kept original of the `"Article"` row aliased `a`. */
const latestOriginal = Prisma.sql`SELECT r."language", r."title", r."bodyText" FROM "OriginalRevision" r
        WHERE r."articleId" = a."id" ORDER BY r."revision" DESC LIMIT 1`;

const or = (parts: Prisma.Sql[]) => Prisma.sql`(${Prisma.join(parts, " OR ")})`;
const and = (parts: Prisma.Sql[]) => Prisma.sql`(${Prisma.join(parts, " AND ")})`;

/**
 * `column` contains `term`. A term with no letters that have case (most CJK) is matched with LIKE:
 * the same answer as ILIKE, and far cheaper when the texts have to be read.
 */
function contains(column: string, term: string): Prisma.Sql {
  const operator = term.toLowerCase() === term.toUpperCase() ? "LIKE" : "ILIKE";
  return Prisma.sql`${Prisma.raw(column)} ${Prisma.raw(operator)} ${containsPattern(term)}`;
}

/** The term in the article's own title, excerpt or body (a Latin word: or in its search vector). */
function ownMatches(term: string): Prisma.Sql {
  const parts = [contains(`a."title"`, term), contains(`a."excerpt"`, term), contains(`a."bodyText"`, term)];
  if (!hasCjk(term)) parts.push(Prisma.sql`a."searchVector" @@ plainto_tsquery('english', ${term})`);
  return or(parts);
}

/** The term in the kept original aliased `o` (null when there is none, which is no match). */
function originalMatches(term: string): Prisma.Sql {
  return or([contains(`o."title"`, term), contains(`o."bodyText"`, term)]);
}

/**
 * One page of the matches for the terms, best first: a title (the article's or its original's)
 * holding every term, then the newest; the id breaks ties, so pages never overlap.
 */
export async function substringPage(
  asked: SubstringQuery,
  filterSql: Prisma.Sql,
  now: Date,
  offset: number,
  limit: number,
): Promise<SubstringRow[]> {
  const lead = leadingGroup(asked.groups);
  const query = pageSql(asked, lead, filterSql, now, offset, limit);
  const shortest = Math.min(...(lead ?? [""]).map((term) => Array.from(term).length));
  if (shortest < MIN_INDEXED_TERM) return db.$queryRaw<SubstringRow[]>(query);
  // The planner does not know how dear it is to read (and decompress) every body for LIKE, and
  // would rather do that than use the trigram indexes: ten times slower on ten thousand articles.
  // Terms long enough to have trigrams are looked up in them. The cost the planner then puts on
  // reading a table would start the JIT compiler, which takes seconds to save nothing here.
  const [, rows] = await db.$transaction([
    db.$queryRaw`SELECT set_config('enable_seqscan', 'off', true), set_config('jit', 'off', true)`,
    db.$queryRaw<SubstringRow[]>(query),
  ]);
  return rows;
}

/** Trigram indexes find terms of three characters or more; shorter ones are found by reading. */
const MIN_INDEXED_TERM = 3;

/**
 * The page's query: the lead group's terms find the candidates, each of which then needs a term of
 * every group and none of the excluded ones. Without a lead group, every article is a candidate.
 */
function pageSql(
  asked: SubstringQuery,
  lead: string[] | undefined,
  filterSql: Prisma.Sql,
  now: Date,
  offset: number,
  limit: number,
): Prisma.Sql {
  const { groups, excluded } = asked;
  const anywhere = (term: string) => or([ownMatches(term), originalMatches(term)]);
  /** Each group matched by one of its terms, as `matches` tells. */
  const everyGroup = (matches: (term: string) => Prisma.Sql) =>
    and(groups.map((group) => or(group.map(matches))));
  // Without a kept original, its half of the test is null, which counts as not found.
  const noExcluded = and([
    Prisma.sql`true`,
    ...excluded.map((term) => Prisma.sql`NOT coalesce(${anywhere(term)}, false)`),
  ]);
  const inTitles = everyGroup((term) => or([contains(`a."title"`, term), contains(`o."title"`, term)]));
  const candidates = lead
    ? lead.map(
        (term) => Prisma.sql`
      SELECT a."id" FROM "Article" a
      WHERE ${contains(`a."title"`, term)} OR ${contains(`a."excerpt"`, term)}
         OR ${contains(`a."bodyText"`, term)}
      UNION
      -- Any revision: the latest is checked below.
      SELECT o."articleId" FROM "OriginalRevision" o WHERE ${originalMatches(term)}`,
      )
    : [Prisma.sql`SELECT a."id" FROM "Article" a`];
  return Prisma.sql`
    WITH candidates AS (${Prisma.join(candidates, " UNION ")}),
    matched AS (
      SELECT a."id", a."publishedAt",
             coalesce(${inTitles}, false) AS "titleHit",
             ${everyGroup(ownMatches)} AS "ownMatch",
             coalesce(${everyGroup(originalMatches)}, false) AS "originalMatch",
             coalesce(${or(askedTerms(asked).map(originalMatches))}, false) AS "originalHit"
      FROM candidates c
      JOIN "Article" a ON a."id" = c."id"
      LEFT JOIN LATERAL (${latestOriginal}) o ON true
      WHERE ${publicArticleSql(now)}
        ${filterSql}
        AND ${everyGroup(anywhere)}
        AND ${noExcluded}
    ),
    ranked AS (
      SELECT m.*, count(*) OVER () AS "matches" FROM matched m
      ORDER BY m."titleHit" DESC, m."publishedAt" DESC, m."id" DESC
      LIMIT ${limit} OFFSET ${offset}
    )
    SELECT r."id", r."matches"::int AS "matches", r."ownMatch", r."originalMatch", r."originalHit",
           a."excerpt", a."bodyText", a."originalPublished",
           o."language" AS "originalLanguage", o."title" AS "originalTitle",
           o."bodyText" AS "originalBodyText"
    FROM ranked r JOIN "Article" a ON a."id" = r."id"
    LEFT JOIN LATERAL (${latestOriginal}) o ON true
    ORDER BY r."titleHit" DESC, r."publishedAt" DESC, r."id" DESC`;
}

/** How many public articles match the query (exactly: the cap is the caller's). */
export async function countSubstringMatches(
  asked: SubstringQuery,
  filterSql: Prisma.Sql,
  now: Date,
): Promise<number> {
  const rows = await substringPage(asked, filterSql, now, 0, 1);
  return rows[0]?.matches ?? 0;
}
