import { z } from "zod";
import { isStorableText } from "@/lib/platform/storable-text";

const optionalText = z
  .string()
  .trim()
  .max(200)
  .refine(isStorableText)
  .optional()
  .transform((v) => v || undefined);
const optionalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)))
  .optional()
  .catch(undefined);

/** Filters of /admin/audit from its query string; anything malformed is dropped, not fatal. */
export const AuditFiltersSchema = z.object({
  actor: optionalText.catch(undefined),
  entityType: optionalText.catch(undefined),
  entityId: optionalText.catch(undefined),
  action: optionalText.catch(undefined),
  from: optionalDate,
  to: optionalDate,
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export type AuditFilters = z.output<typeof AuditFiltersSchema>;
