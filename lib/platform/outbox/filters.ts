import { z } from "zod";
import { filterPage, filterText } from "@/lib/platform/list-filters";

export const MAIL_STATUSES = ["QUEUED", "SENDING", "SENT", "FAILED", "HELD"] as const;

/** What each status means, as the Outbox page says it. */
export const MAIL_STATUS_LABELS: Record<(typeof MAIL_STATUSES)[number], string> = {
  QUEUED: "Queued",
  SENDING: "Sending",
  SENT: "Sent",
  FAILED: "Failed, will retry",
  HELD: "Kept, not sent",
};

/** Filters of /admin/outbox from its query string; anything malformed is dropped, not fatal. */
export const OutboxFiltersSchema = z.object({
  status: z.enum(MAIL_STATUSES).optional().catch(undefined),
  kind: filterText,
  to: filterText,
  page: filterPage,
});

export type OutboxFilters = z.output<typeof OutboxFiltersSchema>;
