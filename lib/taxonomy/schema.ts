// Input of the tag and people actions, and the query strings of /admin/tags and /admin/people.
import { z } from "zod";
import { filterId, filterPage, filterText } from "@/lib/platform/list-filters";
import { TAG_KINDS } from "@/lib/taxonomy/kinds";
import { SLUG_PATTERN } from "@/lib/platform/slug";

const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

const id = (message: string) =>
  z.string({ error: message }).trim().min(1, message).max(64, "That id is not valid.");

const name = z
  .string({ error: "Enter a name." })
  .trim()
  .min(1, "Enter a name.")
  .max(120, "Keep the name under 120 characters.");

const kind = z.enum(TAG_KINDS, { error: "Choose a kind: topic, person, place or organization." });

const longText = (label: string) =>
  z
    .string({ error: `The ${label} must be text.` })
    .trim()
    .max(2000, `Keep the ${label} under 2,000 characters.`);

/** Optional: left empty, the slug is made from the name. */
const slug = z.preprocess(
  blankToUndefined,
  z
    .string({ error: "The address must be text." })
    .trim()
    .normalize("NFC")
    .max(80, "Keep the address under 80 characters.")
    .regex(SLUG_PATTERN, "Use lower-case letters, digits and single hyphens.")
    .optional(),
);

const nativeName = z
  .string({ error: "The native name must be text." })
  .trim()
  .max(120, "Keep the native name under 120 characters.");

const mergeSchema = (noun: string) =>
  z
    .object({
      sourceId: id(`Pick the ${noun} to merge.`),
      targetId: id(`Pick the ${noun} to merge into.`),
    })
    .refine((v) => v.sourceId !== v.targetId, {
      path: ["targetId"],
      message: `Pick a different ${noun} to merge into.`,
    });

export const CreateTagSchema = z.object({
  name,
  kind: kind.default("TOPIC"),
  description: longText("description").default(""),
  slug,
});

export const RenameTagSchema = z.object({
  tagId: id("Missing tag id."),
  name,
  slug,
  description: longText("description").optional(),
});

export const MergeTagsSchema = mergeSchema("tag");

export const DeleteTagSchema = z.object({ tagId: id("Missing tag id.") });

export const CreatePersonSchema = z.object({
  name,
  nativeName: nativeName.optional(),
  bio: longText("bio").default(""),
  slug,
});

export const RenamePersonSchema = z.object({
  personId: id("Missing person id."),
  name,
  slug,
  nativeName: nativeName.optional(),
  bio: longText("bio").optional(),
});

export const MergePeopleSchema = mergeSchema("person");

export const DeletePersonSchema = z.object({ personId: id("Missing person id.") });

// ─── List filters: anything malformed is dropped, not fatal ─────────────────

export const TagListFiltersSchema = z.object({
  kind: kind.optional().catch(undefined),
  q: filterText,
  page: filterPage,
  /** The tag the merge form starts from. */
  merge: filterId,
});

export const PersonListFiltersSchema = z.object({
  q: filterText,
  page: filterPage,
  merge: filterId,
});

export type TagListFiltersInput = z.output<typeof TagListFiltersSchema>;
export type PersonListFiltersInput = z.output<typeof PersonListFiltersSchema>;
