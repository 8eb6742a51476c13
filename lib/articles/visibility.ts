// What readers may see, in one place. Every public list, page, feed and API goes through
// `publicArticleWhere`, so an article whose rights lapsed disappears everywhere at once, at
// read time, whether or not the withdrawal sweep has run yet.
import type { Prisma } from "@/lib/generated/prisma/client";

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
