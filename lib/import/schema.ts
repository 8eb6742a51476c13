// Input of "New from pasted text": the check (what would be extracted) and the draft itself,
// made with what the editor confirmed in the summary. Empty fields mean "as detected".
import { z } from "zod";
import { OriginalLanguageSchema } from "@/lib/articles/original-schema";
import { originalChoicesShape } from "./import-original";

const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

const text = z
  .string({ error: "Paste the article's text or HTML." })
  .min(1, "Paste the article's text or HTML.")
  .max(2_000_000, "That is more than 2 MB of text: paste one article at a time.");

const originalUrl = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .max(2000, "The address is too long (2,000 characters at most).")
    .pipe(
      z.url({ protocol: /^https?$/, error: "Enter the original's full http(s) address, or leave it empty." }),
    )
    .optional(),
);

export const ImportPreviewSchema = z.object({ text, originalUrl });
export type ImportPreviewInput = z.output<typeof ImportPreviewSchema>;

/** A checkbox sends "true"/"on"; a form also sends a hidden "false" first, so the last value wins. */
const flag = z.preprocess((value) => {
  const last = Array.isArray(value) ? value.at(-1) : value;
  if (last === "true" || last === "on") return true;
  if (last === "false") return false;
  return last;
}, z.boolean().optional());

export const ImportReprintSchema = z.object({
  text,
  originalUrl,
  originalPublishedOn: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the day the original was published, or leave it empty.")
      .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "That day does not exist.")
      .optional(),
  ),
  originalLanguage: z.preprocess(blankToUndefined, OriginalLanguageSchema.optional()),
  isTranslation: flag,
  /** "none" means the editor chose no authorization; absent means "the one that covers it, if only one does". */
  authorizationId: z.preprocess(blankToUndefined, z.string().trim().max(64).optional()),
  /** The editor saw the possible duplicates and wants a draft anyway. */
  allowDuplicate: flag,
  /** The original itself, kept beside the translation (optional). */
  originalText: z.preprocess(blankToUndefined, originalChoicesShape.originalText.optional()),
  originalTextLanguage: originalChoicesShape.originalTextLanguage,
  originalTextUrl: originalChoicesShape.originalTextUrl,
});
export type ImportReprintInput = z.output<typeof ImportReprintSchema>;
