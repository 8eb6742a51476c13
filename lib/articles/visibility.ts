// What readers may see, in one place. Every public list, page, feed and API goes through
// `publicArticleWhere`, so an article whose rights lapsed disappears everywhere at once, at
// read time, whether or not the withdrawal sweep has run yet. Raw SQL that must see the same set
// (full-text search ranks and counts in SQL) uses `publicArticleSql`, the same rule written in
// SQL beside it; tests/int/article-visibility.test.ts holds the two to the same answers.
import { Prisma } from "@/lib/generated/prisma/client";

/** Published (or scheduled and its time has come). */
export function releasedWhere(now: Date): Prisma.ArticleWhereInput {
  return { status: { in: ["PUBLISHED", "SCHEDULED"] }, publishedAt: { lte: now } };
}

/**
 * How far a chain of renewals is followed (a renewal of a renewal of …). The rights check
 * follows any length; three covers every real case and keeps both forms below the same.
 */
export const RENEWAL_DEPTH = 3;

/** Granted and in force at `now`. */
function inForceWhere(now: Date): Prisma.ReprintAuthorizationWhereInput {
  return {
    status: "GRANTED",
    validFrom: { lte: now },
    OR: [{ validUntil: null }, { validUntil: { gt: now } }],
  };
}

/**
 * A renewal of it (or of one of its renewals) is in force: it stands in for the linked
 * authorization, as in the rights check (check-publishable.ts). Renewals are always recorded
 * for the source of the one they renew (lifecycle.ts), so the source need not be compared.
 */
export function renewedWhere(
  now: Date,
  depth: number = RENEWAL_DEPTH,
): Prisma.ReprintAuthorizationWhereInput {
  const renewal = depth > 1 ? { OR: [inForceWhere(now), renewedWhere(now, depth - 1)] } : inForceWhere(now);
  return { renewedBy: { some: renewal } };
}

/**
 * Reprints public only through a renewal of their lapsed authorization: the rights sweep links
 * them to the renewal, so the record says which permission they stand on.
 */
export function servedByRenewalWhere(now: Date): Prisma.ArticleWhereInput {
  return { kind: "REPRINT", authorization: { AND: [{ NOT: inForceWhere(now) }, renewedWhere(now)] } };
}

/** The rights side: our own pieces, or reprints whose authorization still lets them be served. */
export function servableRightsWhere(now: Date): Prisma.ArticleWhereInput {
  return {
    withdrawnAt: null,
    OR: [
      { kind: "ORIGINAL" },
      { authorization: inForceWhere(now) },
      { authorization: renewedWhere(now) },
      // "Keep existing" terms: what was public when the authorization ended stays public.
      {
        authorization: {
          onTermination: "KEEP_EXISTING",
          status: { in: ["GRANTED", "REVOKED"] },
          validFrom: { lte: now },
        },
      },
    ],
  };
}

export function publicArticleWhere(now: Date): Prisma.ArticleWhereInput {
  return { AND: [releasedWhere(now), servableRightsWhere(now)] };
}

/** Released but no longer servable: its URL answers 451 Unavailable For Legal Reasons. */
export function withdrawnArticleWhere(now: Date): Prisma.ArticleWhereInput {
  return { AND: [releasedWhere(now), { NOT: servableRightsWhere(now) }] };
}

/** A Date as a UTC `timestamp` (the columns are timestamp without time zone, holding UTC). */
const utcTimestamp = (date: Date) =>
  Prisma.sql`(CAST(${date.toISOString()} AS timestamptz) AT TIME ZONE 'UTC')`;

/** `inForceWhere` in SQL, for a `"ReprintAuthorization"` row aliased `alias`. */
function inForceSql(alias: string, at: Prisma.Sql): Prisma.Sql {
  const r = Prisma.raw(`"${alias}"`);
  return Prisma.sql`(${r}."status" = 'GRANTED' AND ${r}."validFrom" <= ${at}
            AND (${r}."validUntil" IS NULL OR ${r}."validUntil" > ${at}))`;
}

/** `renewedWhere` in SQL: a renewal of `alias`, to the same depth, is in force. */
function renewedSql(alias: string, at: Prisma.Sql, depth: number = RENEWAL_DEPTH): Prisma.Sql {
  const renewal = `r${RENEWAL_DEPTH - depth + 1}`;
  const further = depth > 1 ? Prisma.sql` OR ${renewedSql(renewal, at, depth - 1)}` : Prisma.empty;
  return Prisma.sql`EXISTS (SELECT 1 FROM "ReprintAuthorization" ${Prisma.raw(`"${renewal}"`)}
          WHERE ${Prisma.raw(`"${renewal}"."renewsId" = "${alias}"."id"`)}
            AND (${inForceSql(renewal, at)}${further}))`;
}

/**
 * `publicArticleWhere` in SQL, for an `"Article"` row aliased `a`: released, not withdrawn, and
 * our own or a reprint whose authorization lets it be served (granted and in force, or ended on
 * keep-existing terms, or renewed by one in force). Change it only together with the Prisma form above.
 */
export function publicArticleSql(now: Date): Prisma.Sql {
  const at = utcTimestamp(now);
  return Prisma.sql`a."status" IN ('PUBLISHED', 'SCHEDULED')
      AND a."publishedAt" <= ${at}
      AND a."withdrawnAt" IS NULL
      AND (a."kind" = 'ORIGINAL' OR EXISTS (
        SELECT 1 FROM "ReprintAuthorization" ra
        WHERE ra."id" = a."authorizationId"
          AND ((ra."validFrom" <= ${at} AND ((ra."status" = 'GRANTED' AND (ra."validUntil" IS NULL OR ra."validUntil" > ${at}))
              OR (ra."onTermination" = 'KEEP_EXISTING' AND ra."status" IN ('GRANTED', 'REVOKED'))))
            OR ${renewedSql("ra", at)})))`;
}
