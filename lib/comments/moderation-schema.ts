// What staff send when moderating comments, and the filters of the moderation screens.
import { z } from "zod";
import { filterDate, filterPage, filterText } from "@/lib/platform/list-filters";
import { BODY_MAX_BYTES, utf8Bytes } from "@/lib/comments/schema";
import { DECISION_REASONS, type DecisionReason } from "@/lib/comments/moderation-terms";
import { COMMENT_QUEUES } from "@/lib/comments/queues";

export const DECISIONS = ["approve", "spam", "trash", "restore"] as const;
export type Decision = (typeof DECISIONS)[number];

const REASON_CODES = Object.keys(DECISION_REASONS) as [DecisionReason, ...DecisionReason[]];

const id = z.string().trim().min(1).max(64);
const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

const note = z.preprocess(
  blankToUndefined,
  z.string().trim().max(1000, "Keep the note under 1,000 characters.").optional(),
);
const reasons = z.preprocess(
  (value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]),
  z.array(z.enum(REASON_CODES, { error: "Choose a reason from the list." })).max(REASON_CODES.length),
);
const body = z
  .string()
  .trim()
  .min(1, "Write something first.")
  .refine((text) => utf8Bytes(text) <= BODY_MAX_BYTES, {
    message: `A comment can be at most ${BODY_MAX_BYTES} bytes.`,
  });

export const ModerateCommentSchema = z.object({
  commentId: id,
  decision: z.enum(DECISIONS),
  reasons,
  note,
});

export const BulkModerateSchema = z.object({
  ids: z.array(id).min(1, "Select at least one comment.").max(200, "Select at most 200 comments at a time."),
  decision: z.enum(DECISIONS),
  reasons,
  note,
});

export const EditCommentSchema = z.object({ commentId: id, body, note });

export const StaffReplySchema = z.object({ commentId: id, body });

export type ModerateCommentInput = z.output<typeof ModerateCommentSchema>;
export type BulkModerateInput = z.output<typeof BulkModerateSchema>;
export type EditCommentInput = z.output<typeof EditCommentSchema>;
export type StaffReplyInput = z.output<typeof StaffReplySchema>;

/** Filters of /admin/comments from its query string; anything malformed is dropped. */
export const CommentQueueFiltersSchema = z.object({
  queue: z.enum(COMMENT_QUEUES).catch("PENDING"),
  article: filterText,
  email: filterText,
  from: filterDate,
  to: filterDate,
  page: filterPage,
});

/** Filters of /admin/comments/log; `actor` is a user id or "system". */
export const ModerationLogFiltersSchema = z.object({
  actor: filterText,
  action: filterText,
  comment: filterText,
  from: filterDate,
  to: filterDate,
  page: filterPage,
});

export type CommentQueueFilters = z.output<typeof CommentQueueFiltersSchema>;
export type ModerationLogFilters = z.output<typeof ModerationLogFiltersSchema>;
