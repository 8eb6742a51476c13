// The moderation queues and which comments each one holds, in one place for the list, the counts
// and the actions. Reported is derived (approved, with open reader reports) because the
// CommentStatus enum has no REPORTED value. Readers see approved comments that reports have not
// hidden (lib/comments/report-rules.ts): a reported comment stays on the page unless they have.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CommentStatus } from "@/lib/generated/prisma/enums";

/** Open reader reports that move an approved comment into the Reported queue. */
export const REPORTED_AFTER = 1;

export const COMMENT_QUEUES = ["PENDING", "REPORTED", "APPROVED", "SPAM", "TRASH"] as const;
export type CommentQueue = (typeof COMMENT_QUEUES)[number];

export const QUEUE_LABELS: Record<CommentQueue, string> = {
  PENDING: "Pending",
  REPORTED: "Reported",
  APPROVED: "Approved",
  SPAM: "Spam",
  TRASH: "Trash",
};

export function queueWhere(queue: CommentQueue): Prisma.CommentWhereInput {
  switch (queue) {
    case "REPORTED":
      return { status: "APPROVED", reportCount: { gte: REPORTED_AFTER } };
    case "APPROVED":
      return { status: "APPROVED", reportCount: { lt: REPORTED_AFTER } };
    default:
      return { status: queue };
  }
}

export function queueOf(comment: { status: CommentStatus; reportCount: number }): CommentQueue {
  return comment.status === "APPROVED" && comment.reportCount >= REPORTED_AFTER ? "REPORTED" : comment.status;
}

/** Comments readers may see, wherever the article is public: approved and not hidden by reports. */
export const readerVisibleWhere = {
  status: "APPROVED",
  reportHiddenAt: null,
} as const satisfies Prisma.CommentWhereInput;

export function isVisibleToReaders(comment: { status: CommentStatus; reportHiddenAt: Date | null }): boolean {
  return comment.status === "APPROVED" && comment.reportHiddenAt === null;
}
