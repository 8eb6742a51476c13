import "server-only";
import { db } from "@/lib/db";

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
