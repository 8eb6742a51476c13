// The query-string filters of the staff lists. Anything malformed is dropped (or falls back to
// the first page) rather than refused: a hand-edited URL shows the list, never an error.
import { z } from "zod";
import { isStorableText } from "./storable-text";

/** Free text: trimmed, at most 200 characters; empty is no filter. */
export const filterText = z
  .string()
  .trim()
  .max(200)
  .refine(isStorableText)
  .optional()
  .catch(undefined)
  .transform((v) => v || undefined);

/** An id to filter by. */
export const filterId = z.string().trim().min(1).max(64).refine(isStorableText).optional().catch(undefined);

/** A calendar day, YYYY-MM-DD (read as UTC). */
export const filterDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)))
  .optional()
  .catch(undefined);

export const filterPage = z.coerce.number().int().min(1).max(100_000).catch(1);
