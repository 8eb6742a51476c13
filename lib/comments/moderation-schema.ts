// What staff send when moderating comments, and the filters of the moderation screens.
import { z } from "zod";
import { BODY_MAX_BYTES, utf8Bytes } from "@/lib/comments/schema";
import { DECISION_REASONS, type DecisionReason } from "@/lib/comments/moderation-terms";
import { COMMENT_QUEUES } from "@/lib/comments/queues";
import { isStorableText } from "@/lib/platform/storable-text";

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

const optionalText = z
  .string()
  .trim()
  .max(200)
  .refine(isStorableText)
  .optional()
  .catch(undefined)
  .transform((v) => v || undefined);
const optionalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)))
  .optional()
  .catch(undefined);
const page = z.coerce.number().int().min(1).max(100_000).catch(1);

/** Filters of /admin/comments from its query string; anything malformed is dropped. */
export const CommentQueueFiltersSchema = z.object({
  queue: z.enum(COMMENT_QUEUES).catch("PENDING"),
  article: optionalText,
  email: optionalText,
  from: optionalDate,
  to: optionalDate,
  page,
});

/** Filters of /admin/comments/log; `actor` is a user id or "system". */
export const ModerationLogFiltersSchema = z.object({
  actor: optionalText,
  action: optionalText,
  comment: optionalText,
  from: optionalDate,
  to: optionalDate,
  page,
});

export type CommentQueueFilters = z.output<typeof CommentQueueFiltersSchema>;
export type ModerationLogFilters = z.output<typeof ModerationLogFiltersSchema>;
