// Client-safe names for a case's statuses and steps.
import type { NoticeStatus } from "@/lib/generated/prisma/enums";

export const NOTICE_STATUSES = [
  "RECEIVED",
  "UNDER_REVIEW",
  "ACTIONED",
  "REJECTED",
  "COUNTER_NOTICE",
  "RESTORED",
] as const satisfies readonly NoticeStatus[];

export const NOTICE_STATUS_LABELS: Record<NoticeStatus, string> = {
  RECEIVED: "Received",
  UNDER_REVIEW: "Under review",
  ACTIONED: "Actioned (withdrawn)",
  REJECTED: "Rejected",
  COUNTER_NOTICE: "Counter-notice",
  RESTORED: "Restored",
};

/** Cases waiting for a decision: their time against the target runs. */
export const OPEN_NOTICE_STATUSES: readonly NoticeStatus[] = ["RECEIVED", "UNDER_REVIEW"];

export const NOTICE_EVENT_LABELS: Record<string, string> = {
  received: "Notice received",
  reviewStarted: "Review started",
  actioned: "Articles withdrawn",
  rejected: "Notice rejected",
  counterNotice: "Counter-notice recorded",
  claimantAnswered: "Claimant answered: articles stay withdrawn",
  restored: "Articles restored",
};
