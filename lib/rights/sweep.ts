// The rights sweep, run every 30 seconds by each app instance (see instrumentation.ts) and by
// `npm run rights:sweep`. It fires scheduled publications whose time has come (re-checking
// their rights), withdraws published reprints whose authorization has lapsed, and restores the
// articles of takedown cases whose counter-notice waiting period has ended. Readers never
// wait for it: the visibility rule hides lapsed reprints at read time; the sweep records the
// withdrawal so the desk sees it and the audit trail says when and why.
import { recordAudit } from "@/lib/platform/audit/record";
import { invalidateArticle, invalidateWithdrawnArticle } from "@/lib/platform/cache/article-changes";
import { db, type DbTransaction } from "@/lib/platform/db";
import { servableRightsWhere, servedByRenewalWhere } from "@/lib/articles/visibility";
import {
  evaluateRights,
  RIGHTS_REASON_TEXT,
  type RightsReason,
  type RightsTrigger,
} from "./check-publishable";
import { isStillServable } from "./coverage";
import { emitArticleEvent } from "@/lib/webhooks/emit";
import { restoreDueNotices } from "./notices/restore";

export interface SweepResult {
  published: number;
  withdrawn: number;
  /** Takedown cases whose counter-notice waiting period ended: their articles are served again. */
  restored: number;
}

/** Why an article is withdrawn: its rights, as the rights check found them, or a takedown notice. */
export type WithdrawalCause =
  { reasons: readonly RightsReason[] } | { notice: { id: string; caseNumber: string } };

/** The reason code downstream copies receive for a withdrawal by a takedown notice. */
export const TAKEDOWN_REASON = "TAKEDOWN_NOTICE";

/**
 * Withdraws `article` (recording why, and the takedown notice when one asked for it), unless it
 * is already withdrawn; downstream copies hear of it (article.withdrawn, with the reason codes).
 */
export async function withdrawArticle(
  tx: DbTransaction,
  article: { id: string },
  cause: WithdrawalCause,
  at: Date,
  actorId: string | null,
): Promise<boolean> {
  const notice = "notice" in cause ? cause.notice : null;
  const reasonCodes: string[] = "notice" in cause ? [TAKEDOWN_REASON] : [...cause.reasons];
  const reason =
    "notice" in cause
      ? `Withdrawn after takedown notice ${cause.notice.caseNumber}.`
      : cause.reasons.map((r) => RIGHTS_REASON_TEXT[r]).join(" ");
  const { count } = await tx.article.updateMany({
    where: { id: article.id, withdrawnAt: null },
    data: {
      withdrawnAt: at,
      withdrawnReason: reason,
      withdrawnNoticeId: notice?.id ?? null,
      version: { increment: 1 },
    },
  });
  if (count === 0) return false;
  await recordAudit(tx, {
    actorId,
    action: "article.withdrawn",
    entityType: "Article",
    entityId: article.id,
    after: { withdrawnAt: at, reason, ...(notice ? { noticeId: notice.id } : {}) },
  });
  await emitArticleEvent(tx, "article.withdrawn", article.id, {
    reasonCode: reasonCodes[0] ?? null,
    reasonCodes,
    reason,
    withdrawnAt: at.toISOString(),
    ...(notice ? { caseNumber: notice.caseNumber } : {}),
  });
  return true;
}

/**
 * Re-checks one public article: records the evaluation, follows a renewal onto the article,
 * and withdraws it when its rights are gone (unless its terms keep existing pieces up).
 */
async function reviewArticle(
  tx: DbTransaction,
  article: { id: string; authorizationId: string | null },
  trigger: RightsTrigger,
  at: Date,
  actorId: string | null,
): Promise<{ allowed: boolean; withdrawn: boolean; relinked: boolean }> {
  const decision = await evaluateRights(tx, { articleId: article.id, trigger, actorId, at });
  if (decision.allowed) {
    const relinked = decision.authorizationId !== article.authorizationId;
    if (relinked) {
      await tx.article.update({
        where: { id: article.id },
        data: { authorizationId: decision.authorizationId },
      });
    }
    return { allowed: true, withdrawn: false, relinked };
  }
  const ruling = decision.authorizationId
    ? await tx.reprintAuthorization.findUnique({ where: { id: decision.authorizationId } })
    : null;
  if (ruling && isStillServable(ruling, at)) return { allowed: false, withdrawn: false, relinked: false };
  const withdrawn = await withdrawArticle(tx, article, { reasons: decision.reasons }, at, actorId);
  return { allowed: false, withdrawn, relinked: false };
}

/**
 * After an authorization of a source is revoked, denied or otherwise changed: re-checks every
 * public reprint of that source (a refusal naming one piece outranks a whole-source grant).
 */
export async function reviewSourceReprints(
  tx: DbTransaction,
  sourceId: string,
  trigger: RightsTrigger,
  at: Date,
  actorId: string | null,
): Promise<number> {
  const reprints = await tx.article.findMany({
    where: { sourceId, kind: "REPRINT", withdrawnAt: null, status: { in: ["PUBLISHED", "SCHEDULED"] } },
    select: { id: true, authorizationId: true },
  });
  let withdrawn = 0;
  for (const article of reprints) {
    if ((await reviewArticle(tx, article, trigger, at, actorId)).withdrawn) withdrawn++;
  }
  return withdrawn;
}

export async function sweepRights(at: Date): Promise<SweepResult> {
  const scheduled = await publishDueArticles(at);
  const lapsed = await withdrawLapsedReprints(at);
  // Takedown cases whose counter-notice waited out its period with no answer from the claimant.
  const restored = await restoreDueNotices(at);
  return { published: scheduled.published, withdrawn: scheduled.withdrawn + lapsed.withdrawn, restored };
}

/** Scheduled articles whose time has come: re-check, then publish or withdraw. */
export async function publishDueArticles(at: Date): Promise<{ published: number; withdrawn: number }> {
  let published = 0;
  let withdrawn = 0;
  const due = await db.article.findMany({
    where: { status: "SCHEDULED", publishedAt: { lte: at }, withdrawnAt: null },
    select: { id: true, version: true, authorizationId: true },
  });
  for (const article of due) {
    const changed = await db.$transaction(async (tx) => {
      const result = await reviewArticle(tx, article, "SCHEDULED_PUBLISH", at, null);
      if (result.withdrawn) withdrawn++;
      if (!result.allowed) return result.withdrawn || result.relinked;
      const { count } = await tx.article.updateMany({
        where: { id: article.id, version: article.version, status: "SCHEDULED" },
        data: { status: "PUBLISHED", version: { increment: 1 } },
      });
      if (count === 0) return false; // changed meanwhile; the next sweep sees it again
      published++;
      await recordAudit(tx, {
        actorId: null,
        action: "article.scheduledPublish",
        entityType: "Article",
        entityId: article.id,
      });
      await emitArticleEvent(tx, "article.published", article.id);
      return true;
    });
    if (changed) await invalidateArticle(article.id);
  }
  return { published, withdrawn };
}

/**
 * Published reprints whose rights no longer let them be served (withdrawn), and those served only
 * by a renewal of their lapsed authorization (linked to it).
 */
export async function withdrawLapsedReprints(at: Date): Promise<{ withdrawn: number }> {
  let withdrawn = 0;
  const lapsed = await db.article.findMany({
    where: {
      status: "PUBLISHED",
      kind: "REPRINT",
      withdrawnAt: null,
      OR: [{ NOT: servableRightsWhere(at) }, servedByRenewalWhere(at)],
    },
    select: { id: true, authorizationId: true },
  });
  for (const article of lapsed) {
    const result = await db.$transaction((tx) => reviewArticle(tx, article, "SWEEP", at, null));
    if (result.withdrawn) withdrawn++;
    // The page and the API show which authorization a reprint stands on.
    if (result.withdrawn) await invalidateWithdrawnArticle(article.id);
    else if (result.relinked) await invalidateArticle(article.id);
  }
  return { withdrawn };
}
