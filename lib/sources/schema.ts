// Input of the source actions (also re-checked by lib/sources/manage-sources.ts, whoever calls
// it), and the query string of /admin/sources. Optional fields left empty are stored as null.
import { z } from "zod";
import { filterPage, filterText } from "@/lib/platform/list-filters";
import { SLUG_PATTERN } from "@/lib/platform/slug";
import { SOURCE_KINDS, SOURCE_LIMITS } from "@/lib/sources/fields";

const blankToNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);
const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;
const nullToEmpty = (value: unknown) => (value === null ? "" : value);

const limit = (max: number) => max.toLocaleString("en-US");

const id = z
  .string({ error: "Missing source id." })
  .trim()
  .min(1, "Missing source id.")
  .max(64, "That source id is not valid.");

const name = z
  .string({ error: "Enter the source’s name." })
  .trim()
  .min(1, "Enter the source’s name.")
  .max(SOURCE_LIMITS.name, `Keep the name to ${limit(SOURCE_LIMITS.name)} characters or fewer.`);

export const SOURCE_KIND_ERROR =
  "Choose a kind: WeChat official account, newspaper, website, agency or individual.";
const kind = z.enum(SOURCE_KINDS, { error: SOURCE_KIND_ERROR });

/** Optional: left empty, the slug is made from the name (or, on an edit, kept). */
const slug = z.preprocess(
  blankToUndefined,
  z
    .string({ error: "The address must be text." })
    .trim()
    .normalize("NFC")
    .max(SOURCE_LIMITS.slug, `Keep the address to ${SOURCE_LIMITS.slug} characters or fewer.`)
    .regex(SLUG_PATTERN, "Use lower-case letters, digits and single hyphens.")
    .optional(),
);

/** A short optional text: trimmed; empty becomes null. */
const optionalText = (label: string, max: number) =>
  z.preprocess(
    blankToNull,
    z
      .string({ error: `The ${label} must be text.` })
      .trim()
      .max(max, `Keep the ${label} to ${limit(max)} characters or fewer.`)
      .nullable(),
  );

/** Why `value` is not an address we would link to, or null when it is fine. */
export function webAddressProblem(value: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return "Enter the full web address, starting with https:// (for example https://example.com).";
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    return "Only web addresses starting with https:// or http:// are allowed.";
  }
  if (!parsed.hostname) return "The web address needs a site name after https://.";
  if (parsed.username || parsed.password) {
    return "Leave the user name and password out of the web address.";
  }
  return null;
}

const url = z.preprocess(
  blankToNull,
  z
    .string({ error: "The web address must be text." })
    .trim()
    .max(SOURCE_LIMITS.url, {
      message: `Keep the web address to ${limit(SOURCE_LIMITS.url)} characters or fewer.`,
      abort: true,
    })
    .superRefine((value, ctx) => {
      const problem = webAddressProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    })
    .nullable(),
);

const contactEmail = z.preprocess(
  blankToNull,
  z
    .string({ error: "The contact email must be text." })
    .trim()
    .max(SOURCE_LIMITS.contactEmail, {
      message: `Keep the contact email to ${SOURCE_LIMITS.contactEmail} characters or fewer.`,
      abort: true,
    })
    .pipe(z.email("Enter a valid contact email address, like name@example.com."))
    .nullable(),
);

/** Description and notes: trimmed text, empty allowed (stored as ""). */
const longText = (label: string, max: number) =>
  z.preprocess(
    nullToEmpty,
    z
      .string({ error: `The ${label} must be text.` })
      .trim()
      .max(max, `Keep the ${label} to ${limit(max)} characters or fewer.`),
  );

/** Every field but the name and kind; absent means "not given". */
const optionalFields = {
  slug,
  platformId: optionalText("platform id", SOURCE_LIMITS.platformId).optional(),
  url: url.optional(),
  description: longText("description", SOURCE_LIMITS.description).optional(),
  contactName: optionalText("contact name", SOURCE_LIMITS.contactName).optional(),
  contactEmail: contactEmail.optional(),
  contactWechat: optionalText("contact WeChat id", SOURCE_LIMITS.contactWechat).optional(),
  notes: longText("notes", SOURCE_LIMITS.notes).optional(),
};

export const CreateSourceSchema = z.object({ name, kind, ...optionalFields });

/** The kind a source named from the editor's picker gets; it can be changed on the source's page. */
export const QUICK_SOURCE_KIND = "WEBSITE" satisfies (typeof SOURCE_KINDS)[number];

/** A source named in the editor's picker: the name alone (kind Website, no other field). */
export const CreateSourceNamedSchema = z.object({ name });

/** Absent fields stay as they are; an empty optional field is cleared. */
export const UpdateSourceSchema = z.object({
  sourceId: id,
  name: name.optional(),
  kind: kind.optional(),
  ...optionalFields,
});

export const DeleteSourceSchema = z.object({ sourceId: id });

export type CreateSourceData = z.output<typeof CreateSourceSchema>;
export type CreateSourceNamedData = z.output<typeof CreateSourceNamedSchema>;
export type UpdateSourceData = z.output<typeof UpdateSourceSchema>;
export type DeleteSourceData = z.output<typeof DeleteSourceSchema>;

// ─── List filters: anything malformed is dropped, not fatal ─────────────────

export const SourceListFiltersSchema = z.object({
  kind: kind.optional().catch(undefined),
  q: filterText,
  page: filterPage,
});

export type SourceListFilters = z.output<typeof SourceListFiltersSchema>;
