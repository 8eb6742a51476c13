// The staff's steps on a takedown case. Each moves the case from the status it must be in (a step
// taken on a stale page is refused, not applied twice), writes its event and audit entry in the
// same transaction, and invalidates what readers see after the commit.
import "server-only";
import type { ActionContext } from "@/lib/platform/actions/run-action";
import { ActionFailure } from "@/lib/platform/actions/result";
import { invalidateArticle, invalidateWithdrawnArticle } from "@/lib/platform/cache/article-changes";
import { now } from "@/lib/platform/clock";
import { db, type DbTransaction } from "@/lib/platform/db";
import { env } from "@/lib/platform/env";
import type { NoticeStatus } from "@/lib/generated/prisma/enums";
import { withdrawArticle } from "../sweep";
import { addBusinessDays } from "./business-days";
import { recordCaseStep } from "./case-record";
import { NOTICE_STATUS_LABELS } from "./labels";
import { restoreIfDue } from "./restore";

/** Moves the case from one of `from` to `to`, or refuses saying what it is now. */
async function move(
  tx: DbTransaction,
  id: string,
  from: NoticeStatus[],
  to: NoticeStatus,
  data: Record<string, unknown> = {},
): Promise<{ from: NoticeStatus; caseNumber: string }> {
  const current = await tx.rightsNotice.findUnique({
    where: { id },
    select: { status: true, caseNumber: true },
  });
  if (!current) throw new ActionFailure("NOT_FOUND", "That case does not exist.");
  const refusal = () =>
    new ActionFailure(
      "CONFLICT",
      `This case is ${NOTICE_STATUS_LABELS[current.status].toLowerCase()}, so that step is not open. Reload the page to see where it stands.`,
    );
  if (!from.includes(current.status)) throw refusal();
  // Conditional on the status read: of two people taking a step at once, one is refused.
  const { count } = await tx.rightsNotice.updateMany({
    where: { id, status: current.status },
    data: { status: to, ...data },
  });
  if (count === 0) throw refusal();
  return { from: current.status, caseNumber: current.caseNumber };
}

export async function startReview(id: string, { actor, ip }: ActionContext): Promise<void> {
  const at = now();
  await db.$transaction(async (tx) => {
    const { from } = await move(tx, id, ["RECEIVED"], "UNDER_REVIEW");
    await recordCaseStep(tx, {
      noticeId: id,
      type: "reviewStarted",
      from,
      to: "UNDER_REVIEW",
      actorId: actor.id,
      ip,
      at,
    });
  });
}

/** "Withdraw now": every article the notice names stops being served, naming the case. */
export async function withdrawForNotice(
  id: string,
  { actor, ip }: ActionContext,
): Promise<{ withdrawn: number }> {
  const at = now();
  const { articleIds, withdrawn } = await db.$transaction(async (tx) => {
    const { from, caseNumber } = await move(tx, id, ["RECEIVED", "UNDER_REVIEW"], "ACTIONED", {
      actionedAt: at,
    });
    const named = await tx.rightsNoticeArticle.findMany({
      where: { noticeId: id },
      select: { articleId: true },
    });
    const articleIds: string[] = [];
    for (const { articleId } of named) {
      const cause = { notice: { id, caseNumber } };
      if (await withdrawArticle(tx, { id: articleId }, cause, at, actor.id)) articleIds.push(articleId);
    }
    await recordCaseStep(tx, {
      noticeId: id,
      type: "actioned",
      from,
      to: "ACTIONED",
      actorId: actor.id,
      ip,
      at,
      data: { withdrawn: articleIds },
    });
    return { articleIds, withdrawn: articleIds.length };
  });
  if (articleIds.length > 0) await invalidateWithdrawnArticle(...articleIds);
  return { withdrawn };
}

export async function rejectNotice(id: string, reason: string, { actor, ip }: ActionContext): Promise<void> {
  const at = now();
  await db.$transaction(async (tx) => {
    const { from } = await move(tx, id, ["RECEIVED", "UNDER_REVIEW"], "REJECTED", {
      rejectionReason: reason,
    });
    await recordCaseStep(tx, {
      noticeId: id,
      type: "rejected",
      from,
      to: "REJECTED",
      note: reason,
      actorId: actor.id,
      ip,
      at,
    });
  });
}

/** A counter-notice came: the articles come back after the waiting period unless the claimant answers. */
export async function recordCounterNotice(
  id: string,
  note: string,
  { actor, ip }: ActionContext,
): Promise<{ restoreDueAt: Date }> {
  const at = now();
  const restoreDueAt = addBusinessDays(at, env.NOTICE_RESTORE_BUSINESS_DAYS);
  await db.$transaction(async (tx) => {
    const { from } = await move(tx, id, ["ACTIONED"], "COUNTER_NOTICE", {
      counterNoticeAt: at,
      restoreDueAt,
    });
    await recordCaseStep(tx, {
      noticeId: id,
      type: "counterNotice",
      from,
      to: "COUNTER_NOTICE",
      note,
      actorId: actor.id,
      ip,
      at,
      data: { restoreDueAt, businessDays: env.NOTICE_RESTORE_BUSINESS_DAYS },
    });
  });
  return { restoreDueAt };
}

/** The claimant answered the counter-notice (e.g. went to court): the articles stay withdrawn. */
export async function recordClaimantAnswer(
  id: string,
  note: string,
  { actor, ip }: ActionContext,
): Promise<void> {
  const at = now();
  await db.$transaction(async (tx) => {
    const { from } = await move(tx, id, ["COUNTER_NOTICE"], "ACTIONED", {
      claimantAnsweredAt: at,
      restoreDueAt: null,
    });
    await recordCaseStep(tx, {
      noticeId: id,
      type: "claimantAnswered",
      from,
      to: "ACTIONED",
      note,
      actorId: actor.id,
      ip,
      at,
    });
  });
}

/** "Restore now", once the waiting period is over (the sweep would do it at its next run). */
export async function restoreNow(id: string, { actor, ip }: ActionContext): Promise<{ restored: number }> {
  const at = now();
  const articles = await db.$transaction(async (tx) => {
    const restored = await restoreIfDue(tx, id, at, actor.id, ip);
    if (restored === null) {
      if (!(await tx.rightsNotice.findUnique({ where: { id }, select: { id: true } }))) {
        throw new ActionFailure("NOT_FOUND", "That case does not exist.");
      }
      throw new ActionFailure(
        "CONFLICT",
        "This case cannot be restored now: it is not waiting on a counter-notice whose period has ended.",
      );
    }
    return restored;
  });
  if (articles.length > 0) await invalidateArticle(...articles);
  return { restored: articles.length };
}
