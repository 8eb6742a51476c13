// The end of a counter-notice's waiting period: the articles a notice withdrew are served again
// (if their rights still allow; the visibility rule decides that as for any article), unless the
// claimant answered first. The rights sweep does it by the clock; an admin may do it once due.
import { recordAudit } from "@/lib/platform/audit/record";
import { invalidateArticle } from "@/lib/platform/cache/article-changes";
import { db, type DbTransaction } from "@/lib/platform/db";
import { emitArticleEvent } from "@/lib/webhooks/emit";
import { recordCaseStep } from "./case-record";

/** Restores one case if it is waiting on a counter-notice whose period has ended; the articles it put back. */
export async function restoreIfDue(
  tx: DbTransaction,
  noticeId: string,
  at: Date,
  actorId: string | null,
  ip: string | null = null,
): Promise<string[] | null> {
  const { count } = await tx.rightsNotice.updateMany({
    where: { id: noticeId, status: "COUNTER_NOTICE", restoreDueAt: { lte: at } },
    data: { status: "RESTORED", restoredAt: at },
  });
  if (count === 0) return null;
  const articles = await tx.article.findMany({
    where: { withdrawnNoticeId: noticeId },
    select: { id: true },
  });
  await tx.article.updateMany({
    where: { withdrawnNoticeId: noticeId },
    data: { withdrawnAt: null, withdrawnReason: null, withdrawnNoticeId: null, version: { increment: 1 } },
  });
  for (const article of articles) {
    await recordAudit(tx, {
      actorId,
      action: "article.restored",
      entityType: "Article",
      entityId: article.id,
      after: { restoredAt: at, noticeId },
      ip,
    });
    await emitArticleEvent(tx, "article.restored", article.id, { noticeId });
  }
  await recordCaseStep(tx, {
    noticeId,
    type: "restored",
    from: "COUNTER_NOTICE",
    to: "RESTORED",
    note: actorId
      ? null
      : "The waiting period after the counter-notice ended without an answer from the claimant.",
    actorId,
    ip,
    at,
    data: { articles: articles.map((a) => a.id) },
  });
  return articles.map((a) => a.id);
}

/** For the rights sweep: every case whose waiting period has ended. Returns how many were restored. */
export async function restoreDueNotices(at: Date): Promise<number> {
  const due = await db.rightsNotice.findMany({
    where: { status: "COUNTER_NOTICE", restoreDueAt: { lte: at } },
    select: { id: true },
  });
  let restored = 0;
  for (const { id } of due) {
    const articles = await db.$transaction((tx) => restoreIfDue(tx, id, at, null));
    if (articles === null) continue; // answered or restored meanwhile
    restored++;
    if (articles.length > 0) await invalidateArticle(...articles);
  }
  return restored;
}
