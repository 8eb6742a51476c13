// Words for what the source pages show; free of server code.
// Authorization statuses and scopes are labelled by lib/rights/authorizations/status.ts.
import type { ArticleStatus } from "@/lib/generated/prisma/enums";

export const ARTICLE_STATUS_LABELS: Record<ArticleStatus, string> = {
  DRAFT: "Draft",
  IN_REVIEW: "In review",
  SCHEDULED: "Scheduled",
  PUBLISHED: "Published",
  ARCHIVED: "Archived",
};

/** A day as staff read it in tables: 2025-03-01 (UTC). */
export function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** "2025-03-01 – 2026-03-01", or "From 2025-03-01, no end date". */
export function validityWindow(validFrom: Date, validUntil: Date | null): string {
  return validUntil ? `${day(validFrom)} – ${day(validUntil)}` : `From ${day(validFrom)}, no end date`;
}
