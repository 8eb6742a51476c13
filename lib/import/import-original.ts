// The original of a reprint, pasted as text or as HTML copied from its page (a WeChat article),
// read like any pasted reprint (same sanitising: only text, headings and section breaks survive)
// and kept beside the translation: at import, or attached later to a reprint the desk already has.
import { z } from "zod";
import { ActionFailure } from "@/lib/platform/actions/result";
import type { ActionContext } from "@/lib/platform/actions/run-action";
import { documentFromBlocks } from "@/lib/editor/document";
import { isKnownLanguage, unknownLanguageMessage } from "@/lib/platform/languages";
import { attachOriginal } from "@/lib/articles/attach-original";
import { OriginalFieldsSchema, type OriginalFields } from "@/lib/articles/original-schema";
import { ImportError, importReprintText } from "./reprint-text";
import { detectLanguage } from "./language";

/** Characters of pasted original, text or HTML. */
export const MAX_ORIGINAL_TEXT = 500_000;

const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

export const originalTextSchema = z
  .string({ error: "Paste the original's text or HTML." })
  .min(1, "Paste the original's text or HTML.")
  .max(
    MAX_ORIGINAL_TEXT,
    `The original is longer than ${MAX_ORIGINAL_TEXT.toLocaleString("en")} characters: paste the one article it is.`,
  );

/** The original's own fields, beside the pasted text; empty means "as the text says". */
export const originalChoicesShape = {
  originalText: originalTextSchema,
  /** Checked against the site's languages by `readOriginal`, so the refusal can name them. */
  originalTextLanguage: z.preprocess(blankToUndefined, z.string().trim().max(35).optional()),
  originalTextUrl: z.preprocess(blankToUndefined, z.string().trim().max(2000).optional()),
};

export const AttachOriginalSchema = z.object({
  id: z.string().min(1).max(64),
  ...originalChoicesShape,
});
export type AttachOriginalInput = z.output<typeof AttachOriginalSchema>;

function invalid(field: string, message: string): ActionFailure {
  return new ActionFailure("INVALID", message, { [field]: [message] });
}

/** Reads a pasted original into the fields kept for it, or refuses with what to fix. Writes nothing. */
export function readOriginal(input: {
  originalText: string;
  originalTextLanguage?: string;
  originalTextUrl?: string;
}): OriginalFields {
  let parsed;
  try {
    parsed = importReprintText(input.originalText);
  } catch (error) {
    if (error instanceof ImportError) throw invalid("originalText", `The original: ${error.message}`);
    throw error;
  }
  const plain = parsed.blocks.map((b) => ("text" in b ? b.text : "")).join("\n");
  const language = input.originalTextLanguage ?? detectLanguage(`${parsed.title}\n${plain}`);
  if (!language) {
    throw invalid(
      "originalTextLanguage",
      "The original's language could not be told from its text: choose it.",
    );
  }
  if (!isKnownLanguage(language)) throw invalid("originalTextLanguage", unknownLanguageMessage(language));
  const result = OriginalFieldsSchema.safeParse({
    language,
    title: parsed.title,
    body: documentFromBlocks(parsed.blocks),
    url: input.originalTextUrl ?? null,
    authorLine: parsed.bylines
      .filter((b) => b.role === "AUTHOR")
      .map((b) => b.name)
      .join(", "),
    publishedOn: parsed.originalDate,
  });
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const field = issue.path[0] === "url" ? "originalTextUrl" : "originalText";
    throw invalid(field, `The original: ${issue.message}`);
  }
  return result.data;
}

/** Attaches a pasted original to an existing reprint (a new revision when it has one). */
export function importOriginal(input: AttachOriginalInput, context: ActionContext) {
  return attachOriginal(input.id, readOriginal(input), context);
}
