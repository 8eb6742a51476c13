"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/platform/actions/define-action";
import {
  editComment as edit,
  moderateComment as moderate,
  moderateComments,
  replyAsStaff,
  type ModerationChange,
} from "@/lib/comments/moderation";
import type { CommentStatus } from "@/lib/generated/prisma/enums";
import {
  BulkModerateSchema,
  EditCommentSchema,
  ModerateCommentSchema,
  StaffReplySchema,
} from "@/lib/comments/moderation-schema";

export interface ModerationResultData {
  changes: ModerationChange[];
}

const STATUS_WORDS: Record<CommentStatus, string> = {
  PENDING: "pending",
  APPROVED: "approved",
  SPAM: "in spam",
  TRASH: "in the trash",
};

/** The queue's counts and lists are rendered on the server; they must show the new state. */
function refreshQueue() {
  revalidatePath("/admin/comments", "layout");
}

function summarize(changes: ModerationChange[]): string {
  const [first] = changes;
  if (changes.length === 1 && first) return `The comment is now ${STATUS_WORDS[first.to]}.`;
  const byStatus = new Map<CommentStatus, number>();
  for (const change of changes) byStatus.set(change.to, (byStatus.get(change.to) ?? 0) + 1);
  return [...byStatus].map(([status, count]) => `${count} comment(s) now ${STATUS_WORDS[status]}.`).join(" ");
}

export const moderateComment = defineAction({
  permission: "comment.moderate",
  schema: ModerateCommentSchema,
  async handler(input, context) {
    const change = await moderate(input, context);
    refreshQueue();
    return {
      ok: true,
      message: summarize([change]),
      data: { changes: [change] } satisfies ModerationResultData,
    };
  },
});

export const bulkModerateComments = defineAction({
  permission: "comment.moderate",
  schema: BulkModerateSchema,
  async handler(input, context) {
    const changes = await moderateComments(input.ids, input.decision, input, context);
    refreshQueue();
    return { ok: true, message: summarize(changes), data: { changes } satisfies ModerationResultData };
  },
});

export const editComment = defineAction({
  permission: "comment.moderate",
  schema: EditCommentSchema,
  async handler(input, context) {
    const edited = await edit(input, context);
    if (!edited) return { ok: true, message: "No changes to save." };
    refreshQueue();
    return { ok: true, message: "Saved. The earlier text is kept in the comment's history." };
  },
});

export const replyToComment = defineAction({
  permission: "comment.moderate",
  schema: StaffReplySchema,
  async handler(input, context) {
    const { parentApproved } = await replyAsStaff(input, context);
    refreshQueue();
    return {
      ok: true,
      message: parentApproved ? "Approved the comment and posted your reply." : "Reply posted.",
      data: { changes: parentApproved ? [parentApproved] : [] } satisfies ModerationResultData,
    };
  },
});
