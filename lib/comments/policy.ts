// The comment policy an admin sets as site defaults and an editor overrides per article: the
// modes, their labels, the limits, and how a form field becomes a number. Free of the database,
// so the article editor and the settings form can share it with the server.
import { z } from "zod";
import { BODY_MAX_BYTES } from "./schema";

export const COMMENT_MODES = ["OPEN", "PREMODERATE_NEW", "PREMODERATE_ALL", "CLOSED"] as const;
export type CommentModeValue = (typeof COMMENT_MODES)[number];

export const COMMENT_MODE_LABELS: Record<CommentModeValue, string> = {
  OPEN: "Open",
  PREMODERATE_NEW: "Pre-moderate new commenters",
  PREMODERATE_ALL: "Pre-moderate everyone",
  CLOSED: "Closed",
};

/** Top-level comments are level 1; a reply may be at most this many levels deep. */
export const MAX_THREAD_DEPTH = 3;

/** The largest value each numeric setting accepts. */
export const POLICY_LIMITS = {
  autoCloseDays: 3650,
  linkLimit: 100,
  maxLength: BODY_MAX_BYTES,
  slowModeSeconds: 86_400,
} as const;

/** One click for a discussion that is getting out of hand: every comment held, and slowed down. */
export const HEATED_TOPIC_PRESET = {
  commentMode: "PREMODERATE_ALL",
  commentSlowModeSeconds: 120,
} as const satisfies { commentMode: CommentModeValue; commentSlowModeSeconds: number };

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

/**
 * A whole number between `min` and `max` from a form field (a string) or a call (a number);
 * blank is null, "not set".
 */
export function wholeNumberOrNull(label: string, min: number, max: number) {
  const message = `${label} must be a whole number from ${min} to ${max}.`;
  return z.preprocess(
    (value) => (isBlank(value) ? null : typeof value === "string" ? Number(value.trim()) : value),
    z.number({ error: message }).int(message).min(min, message).max(max, message).nullable(),
  );
}

/** A checkbox: "on" from a form, or a boolean from a call; absent is false. */
export const checkbox = z.preprocess(
  (value) => value === true || value === "on" || value === "true",
  z.boolean(),
);

/**
 * The per-article overrides, as the article's save accepts them. Null (or blank) follows the site
 * default; 0 turns auto-close, the length limit or slow mode off for this article alone.
 */
export const articleCommentPolicyFields = {
  commentMode: z.enum(COMMENT_MODES, { error: "Choose a comment mode." }).nullish(),
  commentAutoCloseDays: wholeNumberOrNull("Auto-close", 0, POLICY_LIMITS.autoCloseDays).optional(),
  commentLinkLimit: wholeNumberOrNull("The link limit", 1, POLICY_LIMITS.linkLimit).optional(),
  commentMaxLength: wholeNumberOrNull("The maximum length", 0, POLICY_LIMITS.maxLength).optional(),
  commentSlowModeSeconds: wholeNumberOrNull("Slow mode", 0, POLICY_LIMITS.slowModeSeconds).optional(),
};
