// Why a reader reports a comment: the choices the report button offers and the server accepts.
// No zod here, so the button's bundle stays small.

export const REPORT_REASONS = ["spam", "abuse", "off-topic", "other"] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export const REPORT_REASON_LABELS: Record<ReportReason, string> = {
  spam: "Spam",
  abuse: "Abusive or hateful",
  "off-topic": "Off-topic",
  other: "Something else",
};
