import "server-only";
import { db } from "@/lib/platform/db";
import { authorizationWhere } from "@/lib/rights/authorizations/list";
import type { AuthorizationFilters } from "@/lib/rights/authorizations/schema";

const EXPIRY_HORIZON_DAYS = 30;
const DAY_MS = 86_400_000;

type AuthorizationListFilters = Partial<Omit<AuthorizationFilters, "page">>;

/**
 * The filters of /admin/authorizations behind the dashboard's authorization figures: each figure
 * is counted with the list's own rule, so following its link shows exactly what was counted.
 */
export function dashboardAuthorizationFilters(now: Date) {
  const dayAfterHorizon = new Date(now.getTime() + (EXPIRY_HORIZON_DAYS + 1) * DAY_MS);
  return {
    expiring: { status: "GRANTED", endingBefore: dayAfterHorizon.toISOString().slice(0, 10) },
    lapsed: { lapsedWithArticles: true },
  } satisfies Record<string, AuthorizationListFilters>;
}

/** The counts on the admin dashboard. */
export async function dashboardCounts(now: Date) {
  const filters = dashboardAuthorizationFilters(now);
  const [drafts, inReview, pendingComments, expiringAuthorizations, lapsedAuthorizations] = await Promise.all(
    [
      db.article.count({ where: { status: "DRAFT" } }),
      db.article.count({ where: { status: "IN_REVIEW" } }),
      db.comment.count({ where: { status: "PENDING" } }),
      db.reprintAuthorization.count({ where: authorizationWhere(filters.expiring, now) }),
      db.reprintAuthorization.count({ where: authorizationWhere(filters.lapsed, now) }),
    ],
  );
  return { drafts, inReview, pendingComments, expiringAuthorizations, lapsedAuthorizations };
}
/** Articles that need the desk: withdrawn for rights, or public on an authorization ending soon. */
export async function articlesNeedingAttention(now: Date) {
  const horizon = new Date(now.getTime() + EXPIRY_HORIZON_DAYS * DAY_MS);
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
