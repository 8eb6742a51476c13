import { z } from "zod";
import { filterDate, filterPage, filterText } from "@/lib/platform/list-filters";

/** Filters of /admin/audit from its query string; anything malformed is dropped, not fatal. */
export const AuditFiltersSchema = z.object({
  actor: filterText,
  entityType: filterText,
  entityId: filterText,
  action: filterText,
  from: filterDate,
  to: filterDate,
  page: filterPage,
});

export type AuditFilters = z.output<typeof AuditFiltersSchema>;
