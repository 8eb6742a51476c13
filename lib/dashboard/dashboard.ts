import "server-only";
import { db } from "@/lib/platform/db";

const EXPIRY_HORIZON_DAYS = 30;

/** The counts on the admin dashboard. */
export async function dashboardCounts(now: Date) {
  const horizon = new Date(now.getTime() + EXPIRY_HORIZON_DAYS * 86_400_000);
  const [drafts, inReview, pendingComments, expiringAuthorizations, lapsedAuthorizations] = await Promise.all(
    [
      db.article.count({ where: { status: "DRAFT" } }),
      db.article.count({ where: { status: "IN_REVIEW" } }),
      db.comment.count({ where: { status: "PENDING" } }),
      db.reprintAuthorization.count({ where: { status: "GRANTED", validUntil: { gt: now, lte: horizon } } }),
      db.reprintAuthorization.count({
        where: {
          OR: [{ status: "REVOKED" }, { status: "GRANTED", validUntil: { lte: now } }],
          articles: { some: {} },
        },
      }),
    ],
  );
  return { drafts, inReview, pendingComments, expiringAuthorizations, lapsedAuthorizations };
}

/** Articles that need the desk: withdrawn for rights, or public on an authorization ending soon. */
export async function articlesNeedingAttention(now: Date) {
  const horizon = new Date(now.getTime() + EXPIRY_HORIZON_DAYS * 86_400_000);
  const select = {
    id: true,
    title: true,
    withdrawnAt: true,
    withdrawnReason: true,
    source: { select: { name: true } },
    authorization: { select: { id: true, validUntil: true } },
  } as const;
  const [withdrawn, atRisk] = await Promise.all([
    db.article.findMany({
      where: { withdrawnAt: { not: null } },
      orderBy: { withdrawnAt: "desc" },
      take: 50,
      select,
    }),
    db.article.findMany({
      where: {
        withdrawnAt: null,
        status: { in: ["PUBLISHED", "SCHEDULED"] },
        authorization: { status: "GRANTED", validUntil: { gt: now, lte: horizon } },
      },
      orderBy: { authorization: { validUntil: "asc" } },
      take: 50,
      select,
    }),
  ]);
  return { withdrawn, atRisk };
}
