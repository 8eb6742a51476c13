// The words of the moderation log: action names and reason codes, with what the admin shows for
// them. No server imports, so client components can use it.

export const MODERATION_ACTIONS = {
  submitted: "Submitted",
  reported: "Reported by readers",
  report_hidden: "Hidden by reader reports",
  approved: "Approved",
  marked_spam: "Marked as spam",
  trashed: "Moved to the trash",
  restored: "Restored",
  edited: "Edited",
  staff_reply: "Replied as staff",
} as const;

export type ModerationAction = keyof typeof MODERATION_ACTIONS;

/** Why a moderator removed a comment, chosen when deciding. */
export const DECISION_REASONS = {
  ABUSIVE: "Abusive or harassing",
  HATE_SPEECH: "Hate speech",
  OFF_TOPIC: "Off topic",
  PERSONAL_INFO: "Personal information",
  COMMERCIAL: "Advertising",
  OTHER: "Other",
} as const;

export type DecisionReason = keyof typeof DECISION_REASONS;

/** Recorded as the reason when approving a reported comment dismisses its reports. */
export const REPORTS_DISMISSED = "REPORTS_DISMISSED";

// The submission pipeline's hold reasons (HOLD_REASONS in ./submit), spelled out.
const HOLD_REASON_LABELS: Record<string, string> = {
  HONEYPOT: "Hidden bot-trap field filled in",
  DISALLOWED_WORD: "Contains a disallowed word",
  MODERATION_WORD: "Contains a moderation word",
  LINKS: "Too many links",
  PREMODERATE: "Article holds every comment",
  FIRST_TIME: "First-time commenter",
  // Written by lib/comments/report.ts when reports queue a comment, and when they hide it.
  REPORTS: "Reader reports",
};

const REASON_LABELS: Record<string, string> = {
  ...HOLD_REASON_LABELS,
  ...DECISION_REASONS,
  [REPORTS_DISMISSED]: "Reader reports dismissed",
};

export function moderationActionLabel(action: string): string {
  return (MODERATION_ACTIONS as Record<string, string>)[action] ?? action;
}

export function reasonLabel(code: string): string {
  return REASON_LABELS[code] ?? code;
}
