// "Related articles" under an article: the public articles sharing the most tags with it, newest
// first among equals. PostgreSQL ranks the candidates (Prisma cannot order by a count of shared
// rows); which of them readers may see is decided by `publicArticleWhere`, the one visibility
// rule, when their cards are read.
import "server-only";
import { publicArticleWhere } from "@/lib/articles/visibility";
import { articleCardSelect, type ArticleCard } from "@/lib/articles/public-articles";
import { db } from "@/lib/platform/db";

const MAX_RELATED = 24;

/**
 * Articles sharing a tag with `articleId`, best first, from `skip`. Both sides of the join are
 * read from ArticleTag's indexes alone: its primary key (articleId, tagId) for this article's
 * tags, and (tagId, articleId) for the other articles carrying them.
 */
async function rankedCandidates(articleId: string, take: number, skip: number): Promise<string[]> {
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    SELECT other."articleId" AS "id"
    FROM "ArticleTag" mine
    JOIN "ArticleTag" other ON other."tagId" = mine."tagId" AND other."articleId" <> mine."articleId"
    JOIN "Article" a ON a."id" = other."articleId"
    WHERE mine."articleId" = ${articleId}
    GROUP BY other."articleId", a."publishedAt"
    ORDER BY count(*) DESC, a."publishedAt" DESC NULLS LAST, other."articleId" DESC
    LIMIT ${take} OFFSET ${skip}`;
  return rows.map((row) => row.id);
}

/**
 * Up to `limit` public articles sharing the most tags with `articleId` (never itself), ties
 * broken by the newest. Candidates are read in growing batches until enough are public, so
 * hidden articles (drafts, scheduled, withdrawn) never take a public one's place.
 */
export async function relatedArticles(articleId: string, now: Date, limit = 4): Promise<ArticleCard[]> {
  if (!Number.isSafeInteger(limit) || limit < 1) return [];
  const wanted = Math.min(limit, MAX_RELATED);
  const related: ArticleCard[] = [];
  let skip = 0;
  let take = Math.max(wanted * 3, 12);
  while (related.length < wanted) {
    const ids = await rankedCandidates(articleId, take, skip);
    if (ids.length === 0) break;
    const cards = await db.article.findMany({
      where: { AND: [{ id: { in: ids } }, publicArticleWhere(now)] },
      select: articleCardSelect,
    });
    const byId = new Map(cards.map((card) => [card.id, card]));
    related.push(...ids.flatMap((id) => byId.get(id) ?? []));
    if (ids.length < take) break;
    skip += take;
    take *= 2;
  }
  return related.slice(0, wanted);
}
