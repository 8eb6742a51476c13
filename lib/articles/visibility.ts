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

/** The rights side: our own pieces, or reprints whose authorization still lets them be served. */
export function servableRightsWhere(now: Date): Prisma.ArticleWhereInput {
  return {
    withdrawnAt: null,
    OR: [
      { kind: "ORIGINAL" },
      {
        authorization: {
          status: "GRANTED",
          validFrom: { lte: now },
          OR: [{ validUntil: null }, { validUntil: { gt: now } }],
        },
      },
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

/**
 * `publicArticleWhere` in SQL, for an `"Article"` row aliased `a`: released, not withdrawn, and
 * our own or a reprint whose authorization lets it be served (granted and in force, or ended on
 * keep-existing terms). Change it only together with the Prisma form above.
 */
export function publicArticleSql(now: Date): Prisma.Sql {
  const at = utcTimestamp(now);
  return Prisma.sql`a."status" IN ('PUBLISHED', 'SCHEDULED')
      AND a."publishedAt" <= ${at}
      AND a."withdrawnAt" IS NULL
      AND (a."kind" = 'ORIGINAL' OR EXISTS (
        SELECT 1 FROM "ReprintAuthorization" ra
        WHERE ra."id" = a."authorizationId"
          AND ra."validFrom" <= ${at}
          AND ((ra."status" = 'GRANTED' AND (ra."validUntil" IS NULL OR ra."validUntil" > ${at}))
            OR (ra."onTermination" = 'KEEP_EXISTING' AND ra."status" IN ('GRANTED', 'REVOKED')))))`;
}
