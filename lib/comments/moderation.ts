// Staff decisions on comments: approve, spam, trash, restore, edit and reply as staff. Each one
// writes its moderation-log row (and audit entry) in the transaction that makes the change, and
// readers' caches are told once it has committed.
import { ActionFailure } from "@/lib/platform/actions/result";
import type { ActionContext } from "@/lib/platform/actions/run-action";
import { recordAudit } from "@/lib/platform/audit/record";
import { invalidate } from "@/lib/platform/cache/invalidate";
import { cacheTag } from "@/lib/platform/cache/tags";
import { now } from "@/lib/platform/clock";
import { db, type DbTransaction } from "@/lib/platform/db";
import { deliverAfterCommit } from "@/lib/platform/outbox/delivery-trigger";
import type { CommentStatus } from "@/lib/generated/prisma/enums";
import type { Decision } from "@/lib/comments/moderation-schema";
import { REPORTS_DISMISSED, type ModerationAction } from "./moderation-terms";
import { isVisibleToReaders, queueOf, type CommentQueue } from "./queues";
import { MAX_THREAD_DEPTH } from "./policy";
import { emitCommentEvent } from "@/lib/webhooks/emit";
import { recordReplyNotification } from "./reply-notifications";

export interface ModerationChange {
  id: string;
  articleId: string;
  from: CommentStatus;
  to: CommentStatus;
  /** The queue the comment was in, and the one it is in now. */
  fromQueue: CommentQueue;
  queue: CommentQueue;
  /** Whether readers saw it before, and see it now. */
  wasVisible: boolean;
  visible: boolean;
}

interface DecisionOptions {
  reasons?: string[];
  note?: string;
}

const WHERE_IT_IS: Record<CommentStatus, string> = {
  PENDING: "pending",
  APPROVED: "approved",
  SPAM: "in spam",
  TRASH: "in the trash",
};

const REMOVED: CommentStatus[] = ["SPAM", "TRASH"];

interface Current {
  id: string;
  articleId: string;
  status: CommentStatus;
  reportCount: number;
  reportHiddenAt: Date | null;
  holdReasons: string[];
}

interface Step {
  action: ModerationAction;
  to: CommentStatus;
  /** What the decision makes of the comment's open reader reports, if it has any. */
  resolveReports?: "UPHELD" | "DISMISSED";
  /** Reasons logged when the moderator gave none: what the decision overrode. */
  defaultReasons?: string[];
}

/** The status a comment had before it last went to spam or the trash (pending if it never had one). */
async function statusBeforeRemoval(tx: DbTransaction, commentId: string): Promise<CommentStatus> {
  const entry = await tx.commentModeration.findFirst({
    where: { commentId, toStatus: { in: REMOVED }, fromStatus: { in: ["PENDING", "APPROVED"] } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { fromStatus: true },
  });
  return entry?.fromStatus ?? "PENDING";
}

async function planStep(tx: DbTransaction, comment: Current, decision: Decision): Promise<Step> {
  const refuse = (message: string) => new ActionFailure("CONFLICT", message);
  const reported = queueOf(comment) === "REPORTED";
  switch (decision) {
    case "approve":
      if (reported) {
        return {
          action: "approved",
          to: "APPROVED",
          resolveReports: "DISMISSED",
          defaultReasons: [REPORTS_DISMISSED],
        };
      }
      if (comment.status === "APPROVED") throw refuse("This comment is already approved.");
      return { action: "approved", to: "APPROVED", defaultReasons: comment.holdReasons };
    case "spam":
      if (comment.status === "SPAM") throw refuse("This comment is already in spam.");
      return { action: "marked_spam", to: "SPAM", resolveReports: "UPHELD" };
    case "trash":
      if (comment.status === "TRASH") throw refuse("This comment is already in the trash.");
      return { action: "trashed", to: "TRASH", resolveReports: "UPHELD" };
    case "restore":
      if (!REMOVED.includes(comment.status)) {
        throw refuse(
          `Only comments in spam or the trash can be restored; this one is ${WHERE_IT_IS[comment.status]}.`,
        );
      }
      return { action: "restored", to: await statusBeforeRemoval(tx, comment.id) };
  }
}

async function applyDecision(
  tx: DbTransaction,
  commentId: string,
  decision: Decision,
  { reasons = [], note = "" }: DecisionOptions,
  { actor, ip }: ActionContext,
  at: Date,
  /** Collects the mail the decision records, to deliver after the commit. */
  mail: (string | null)[],
): Promise<ModerationChange> {
  const comment = await tx.comment.findUnique({
    where: { id: commentId },
    select: {
      id: true,
      articleId: true,
      status: true,
      reportCount: true,
      reportHiddenAt: true,
      holdReasons: true,
    },
  });
  if (!comment) throw new ActionFailure("NOT_FOUND", "This comment no longer exists.");
  const step = await planStep(tx, comment, decision);
  // A decision on a reported comment settles its reports: they leave the count and stop hiding it.
  const settles = step.resolveReports !== undefined && comment.reportCount > 0;
  const reportCount = settles ? 0 : comment.reportCount;
  const reportHiddenAt = settles ? null : comment.reportHiddenAt;
  // Conditional on what was read, so two moderators deciding at once cannot both win.
  const { count } = await tx.comment.updateMany({
    where: { id: comment.id, status: comment.status, reportCount: comment.reportCount },
    data: { status: step.to, reportCount, reportHiddenAt, updatedAt: at },
  });
  if (count === 0) {
    throw new ActionFailure(
      "CONFLICT",
      "Someone else has just moderated this comment; reload to see it now.",
    );
  }
  if (settles) {
    await tx.commentReport.updateMany({
      where: { commentId: comment.id, outcome: null },
      data: { outcome: step.resolveReports, resolvedAt: at },
    });
  }
  await tx.commentModeration.create({
    data: {
      commentId: comment.id,
      actorId: actor.id,
      action: step.action,
      fromStatus: comment.status,
      toStatus: step.to,
      reasons: reasons.length > 0 ? reasons : (step.defaultReasons ?? []),
      note,
      createdAt: at,
    },
  });
  await recordAudit(tx, {
    actorId: actor.id,
    action: `comment.${step.action}`,
    entityType: "Comment",
    entityId: comment.id,
    before: {
      status: comment.status,
      reportCount: comment.reportCount,
      hiddenByReports: comment.reportHiddenAt !== null,
    },
    after: {
      status: step.to,
      reportCount,
      hiddenByReports: reportHiddenAt !== null,
      ...(settles ? { reportsSettledAs: step.resolveReports } : {}),
    },
    ip,
  });
  if (step.to === "APPROVED" && comment.status !== "APPROVED") {
    await emitCommentEvent(tx, "comment.approved", comment.id);
  }
  const change = {
    id: comment.id,
    articleId: comment.articleId,
    from: comment.status,
    to: step.to,
    fromQueue: queueOf(comment),
    queue: queueOf({ status: step.to, reportCount }),
    wasVisible: isVisibleToReaders(comment),
    visible: isVisibleToReaders({ status: step.to, reportHiddenAt }),
  };
  // A reply readers can now see: the comment it answers may be waiting to hear of it.
  if (change.visible && !change.wasVisible) mail.push(await recordReplyNotification(tx, comment.id));
  return change;
}

/** Tells readers' caches about every article whose approved comments changed. */
async function refreshReaders(articleIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(articleIds)];
  if (ids.length > 0) await invalidate([...ids.map((id) => cacheTag.comments(id)), cacheTag.allComments]);
}

const visibilityChanged = (change: ModerationChange) => change.wasVisible !== change.visible;

/**
 * One decision on several comments, all or nothing: if any of them cannot take it, nothing
 * changes and the failure names each one that could not.
 */
export async function moderateComments(
  ids: readonly string[],
  decision: Decision,
  options: DecisionOptions,
  context: ActionContext,
): Promise<ModerationChange[]> {
  const unique = [...new Set(ids)];
  const at = now();
  const mail: (string | null)[] = [];
  const changes = await db.$transaction(async (tx) => {
    const done: ModerationChange[] = [];
    const refusals: Array<{ id: string; message: string }> = [];
    for (const id of unique) {
      try {
        done.push(await applyDecision(tx, id, decision, options, context, at, mail));
      } catch (error) {
        if (!(error instanceof ActionFailure) || unique.length === 1) throw error;
        refusals.push({ id, message: error.message });
      }
    }
    if (refusals.length > 0) {
      const authors = await tx.comment.findMany({
        where: { id: { in: refusals.map((r) => r.id) } },
        select: { id: true, authorName: true },
      });
      const who = (id: string) => authors.find((a) => a.id === id)?.authorName ?? "a deleted comment";
      throw new ActionFailure(
        "CONFLICT",
        `Nothing was changed: ${refusals.length} of ${unique.length} selected comments cannot take this action. ` +
          refusals.map((r) => `${who(r.id)}: ${r.message}`).join(" "),
        undefined,
        { refused: refusals },
      );
    }
    return done;
  });
  await refreshReaders(changes.filter(visibilityChanged).map((change) => change.articleId));
  void deliverAfterCommit(mail);
  return changes;
}

export async function moderateComment(
  input: { commentId: string; decision: Decision } & DecisionOptions,
  context: ActionContext,
): Promise<ModerationChange> {
  const [change] = await moderateComments([input.commentId], input.decision, input, context);
  return change!;
}

/** Changes a comment's text; the text before is kept in the log. Null when nothing changed. */
export async function editComment(
  input: { commentId: string; body: string; note?: string },
  { actor, ip }: ActionContext,
): Promise<{ id: string; status: CommentStatus } | null> {
  const at = now();
  const edited = await db.$transaction(async (tx) => {
    const comment = await tx.comment.findUnique({
      where: { id: input.commentId },
      select: { id: true, articleId: true, status: true, body: true },
    });
    if (!comment) throw new ActionFailure("NOT_FOUND", "This comment no longer exists.");
    if (comment.body === input.body) return null;
    const { count } = await tx.comment.updateMany({
      where: { id: comment.id, body: comment.body },
      data: { body: input.body, updatedAt: at },
    });
    if (count === 0) {
      throw new ActionFailure("CONFLICT", "Someone else has just edited this comment; reload to see it now.");
    }
    await tx.commentModeration.create({
      data: {
        commentId: comment.id,
        actorId: actor.id,
        action: "edited",
        fromStatus: comment.status,
        toStatus: comment.status,
        note: input.note ?? "",
        previousBody: comment.body,
        createdAt: at,
      },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "comment.edited",
      entityType: "Comment",
      entityId: comment.id,
      before: { body: comment.body },
      after: { body: input.body },
      ip,
    });
    return comment;
  });
  if (edited?.status === "APPROVED") await refreshReaders([edited.articleId]);
  return edited && { id: edited.id, status: edited.status };
}

/** Level of a comment in its thread (1 = top level), counted no further than one past the maximum. */
async function threadLevel(tx: DbTransaction, commentId: string): Promise<number> {
  let level = 1;
  let current = commentId;
  const seen = new Set<string>();
  while (level <= MAX_THREAD_DEPTH && !seen.has(current)) {
    seen.add(current);
    const row = await tx.comment.findUnique({ where: { id: current }, select: { parentId: true } });
    if (!row?.parentId) return level;
    current = row.parentId;
    level += 1;
  }
  return level;
}

/**
 * A reply from the signed-in staff member, published at once and marked as staff. A pending
 * comment is approved first (that is logged too); one in spam or the trash cannot be answered.
 */
export async function replyAsStaff(
  input: { commentId: string; body: string },
  context: ActionContext,
): Promise<{ reply: { id: string; articleId: string }; parentApproved: ModerationChange | null }> {
  const { actor, ip } = context;
  const at = now();
  const mail: (string | null)[] = [];
  const outcome = await db.$transaction(async (tx) => {
    const parent = await tx.comment.findUnique({
      where: { id: input.commentId },
      select: { id: true, articleId: true, status: true },
    });
    if (!parent) throw new ActionFailure("NOT_FOUND", "The comment you are replying to no longer exists.");
    if (REMOVED.includes(parent.status)) {
      throw new ActionFailure(
        "CONFLICT",
        `You can only reply to a published comment; this one is ${WHERE_IT_IS[parent.status]}. Restore or approve it first.`,
      );
    }
    if ((await threadLevel(tx, parent.id)) + 1 > MAX_THREAD_DEPTH) {
      throw new ActionFailure(
        "CONFLICT",
        "This thread cannot go any deeper; reply to an earlier comment in it instead.",
      );
    }
    const parentApproved =
      parent.status === "PENDING"
        ? await applyDecision(
            tx,
            parent.id,
            "approve",
            { note: "Approved to reply as staff." },
            context,
            at,
            mail,
          )
        : null;
    const reply = await tx.comment.create({
      data: {
        articleId: parent.articleId,
        parentId: parent.id,
        authorName: actor.name,
        authorEmail: actor.email,
        body: input.body,
        status: "APPROVED",
        staffUserId: actor.id,
        createdAt: at,
        updatedAt: at,
      },
      select: { id: true, articleId: true },
    });
    await tx.commentModeration.create({
      data: {
        commentId: reply.id,
        actorId: actor.id,
        action: "staff_reply",
        fromStatus: null,
        toStatus: "APPROVED",
        createdAt: at,
      },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "comment.staff_reply",
      entityType: "Comment",
      entityId: reply.id,
      after: { parentId: parent.id, status: "APPROVED", body: input.body },
      ip,
    });
    mail.push(await recordReplyNotification(tx, reply.id));
    return { reply, parentApproved };
  });
  await refreshReaders([outcome.reply.articleId]);
  void deliverAfterCommit(mail);
  return outcome;
}
