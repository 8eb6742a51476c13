// An original as it is attached to a reprint: its text as Tiptap JSON (the one extension list),
// a language the site knows, its title, address, byline and day. Client-safe.
import { z } from "zod";
import { ArticleBodySchema } from "@/lib/editor/body-schema";
import { isKnownLanguage, unknownLanguageMessage } from "@/lib/platform/languages";

export const MAX_ORIGINAL_TITLE = 300;
export const MAX_ORIGINAL_AUTHOR_LINE = 300;

const blankToNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);

export const OriginalLanguageSchema = z
  .string({ error: "Choose the original's language." })
  .trim()
  .min(1, "Choose the original's language.")
  .refine(isKnownLanguage, { error: (issue) => unknownLanguageMessage(String(issue.input)) });

export const OriginalFieldsSchema = z.object({
  language: OriginalLanguageSchema,
  title: z
    .string()
    .trim()
    .min(1, "The original needs its title.")
    .max(MAX_ORIGINAL_TITLE, `The original title is too long (${MAX_ORIGINAL_TITLE} characters at most).`),
  body: ArticleBodySchema,
  url: z.preprocess(
    blankToNull,
    z
      .string()
      .trim()
      .max(2000, "The address is too long (2,000 characters at most).")
      .pipe(
        z.url({
          protocol: /^https?$/,
          error: "Enter the original's full http(s) address, or leave it empty.",
        }),
      )
      .nullable(),
  ),
  authorLine: z
    .string()
    .trim()
    .max(
      MAX_ORIGINAL_AUTHOR_LINE,
      `The author line is too long (${MAX_ORIGINAL_AUTHOR_LINE} characters at most).`,
    )
    .default(""),
  publishedOn: z.preprocess(
    blankToNull,
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the day the original was published, or leave it empty.")
      .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "That day does not exist.")
      .nullable(),
  ),
});
export type OriginalFields = z.output<typeof OriginalFieldsSchema>;
export type OriginalFieldsInput = z.input<typeof OriginalFieldsSchema>;
