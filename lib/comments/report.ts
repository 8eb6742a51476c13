// Readers reporting a comment. One report per comment per address (IPv6 by its /64, kept only as
// a keyed hash); the report that brings a comment to REPORTED_AFTER moves it into the Reported
// queue (lib/comments/queues.ts), which takes it off the public page until a moderator decides.
import { z } from "zod";
import { invalidate } from "@/lib/platform/cache/invalidate";
import { cacheTag } from "@/lib/platform/cache/tags";
import { now } from "@/lib/platform/clock";
import { publicCommentWhere } from "@/lib/comments/public-comments";
import { db } from "@/lib/platform/db";
import type { Refusal } from "@/lib/platform/http/json-errors";
import { hit, type LimitRule } from "@/lib/platform/rate-limit";
import { isStorableText } from "@/lib/platform/storable-text";
import { keyedHash, rateLimitAddress } from "./ip";
import { REPORTED_AFTER } from "./queues";
import { REPORT_REASONS } from "./report-reasons";

export const ReportInputSchema = z.object({
  reason: z.enum(REPORT_REASONS, { error: "Choose why you are reporting this comment." }),
});

/** Reports one address may send in ten minutes, across all comments. */
export const REPORT_LIMIT: LimitRule = { limit: 10, windowMs: 10 * 60_000, blockMs: 10 * 60_000 };

export type ReportResult = { ok: true } | ({ ok: false } & Refusal);

const NOT_FOUND: ReportResult = { ok: false, code: "NOT_FOUND", message: "That comment could not be found." };

export async function reportComment(
  commentId: string,
  input: unknown,
  meta: { ip: string | null },
): Promise<ReportResult> {
  const parsed = ReportInputSchema.safeParse(input);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "Choose a reason.";
    return { ok: false, code: "INVALID", message, fieldErrors: { reason: [message] } };
  }

  const address = (meta.ip ? rateLimitAddress(meta.ip) : null) ?? "unknown";
  const reporter = keyedHash(`ip:${address}`);
  const limit = await hit(`comments:report:ip:${reporter}`, REPORT_LIMIT);
  if (limit.hits > REPORT_LIMIT.limit) {
    const at = now().getTime();
    const retryAfterSeconds = Math.max(1, Math.ceil(((limit.blockedUntil?.getTime() ?? at) - at) / 1000));
    return {
      ok: false,
      code: "RATE_LIMITED",
      message: `You have sent many reports in a short time. Please wait ${retryAfterSeconds} second(s).`,
      retryAfterSeconds,
    };
  }

  // No stored comment has an id PostgreSQL cannot even compare with.
  if (!isStorableText(commentId)) return NOT_FOUND;
  const at = now();
  const outcome = await db.$transaction(async (tx) => {
    // Reports on one comment queue behind each other here, so the count is exact.
    await tx.$queryRaw`SELECT 1 FROM "Comment" WHERE "id" = ${commentId} FOR UPDATE`;
    const comment = await tx.comment.findFirst({
      where: { AND: [{ id: commentId }, publicCommentWhere(at)] },
      select: { articleId: true },
    });
    if (!comment) return null;
    const already = await tx.commentReport.findFirst({
      where: { commentId, ipHash: reporter },
      select: { id: true },
    });
    if (already) return { articleId: comment.articleId, hidden: false };

    await tx.commentReport.create({
      data: { commentId, reason: parsed.data.reason, ipHash: reporter, createdAt: at },
    });
    const { reportCount } = await tx.comment.update({
      where: { id: commentId },
      data: { reportCount: { increment: 1 } },
      select: { reportCount: true },
    });
    const hidden = reportCount === REPORTED_AFTER;
    if (hidden) {
      await tx.commentModeration.create({
        data: {
          commentId,
          actorId: null,
          action: "reported",
          fromStatus: "APPROVED",
          toStatus: "APPROVED",
          reasons: ["REPORTS"],
          note: `${REPORTED_AFTER} reader reports: moved to the Reported queue.`,
          createdAt: at,
        },
      });
    }
    return { articleId: comment.articleId, hidden };
  });

  if (!outcome) return NOT_FOUND;
  if (outcome.hidden) await invalidate([cacheTag.comments(outcome.articleId), cacheTag.allComments]);
  return { ok: true };
}
