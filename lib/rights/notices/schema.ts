// Reading a takedown notice as sent (JSON or form fields) and the staff's steps on a case.
// A notice missing any of the six elements is refused naming each missing one; one with them all
// is then held to sizes and formats.
import { z } from "zod";
import type { FieldErrors } from "@/lib/platform/http/json-errors";
import {
  MAX_ARTICLE_URLS,
  NOTICE_ELEMENTS,
  NOTICE_LABELS,
  NOTICE_LIMITS,
  type NoticeField,
} from "./elements";

export interface NoticeInput {
  claimantName: string;
  organisation: string | null;
  contactEmail: string;
  workTitle: string;
  workUrl: string;
  articleUrls: string[];
  details: string;
  signature: string;
}

export type NoticeParse =
  { ok: true; notice: NoticeInput } | { ok: false; message: string; fieldErrors: FieldErrors };

const text = (value: unknown) => (typeof value === "string" ? value.trim() : "");
const checked = (value: unknown) => value === true || value === "on" || value === "true" || value === "1";

/** A list of URLs sent as an array or as text with one per line (any whitespace separates them). */
function urlList(value: unknown): string[] {
  const parts = Array.isArray(value) ? value.map(text) : text(value).split(/\s+/);
  return parts.filter((part) => part !== "");
}

const tooLong = (field: NoticeField, max: number) =>
  `${NOTICE_LABELS[field].en} can be at most ${max} characters; please shorten it.`;
const httpUrl = (field: NoticeField, max: number) =>
  z
    .url({
      protocol: /^https?$/,
      message: `${NOTICE_LABELS[field].en}: give a full web address starting with https://`,
    })
    .max(max, tooLong(field, max));

const NoticeSchema = z.object({
  claimantName: z
    .string()
    .max(NOTICE_LIMITS.claimantName, tooLong("claimantName", NOTICE_LIMITS.claimantName)),
  organisation: z
    .string()
    .max(NOTICE_LIMITS.organisation, tooLong("organisation", NOTICE_LIMITS.organisation)),
  contactEmail: z
    .email("Give an email address we can write to, like name@example.com.")
    .max(NOTICE_LIMITS.contactEmail, tooLong("contactEmail", NOTICE_LIMITS.contactEmail)),
  workTitle: z.string().max(NOTICE_LIMITS.workTitle, tooLong("workTitle", NOTICE_LIMITS.workTitle)),
  workUrl: httpUrl("workUrl", NOTICE_LIMITS.workUrl),
  articleUrls: z
    .array(httpUrl("articleUrls", NOTICE_LIMITS.articleUrl))
    .max(
      MAX_ARTICLE_URLS,
      `Name at most ${MAX_ARTICLE_URLS} addresses in one notice; send another for the rest.`,
    ),
  details: z.string().max(NOTICE_LIMITS.details, tooLong("details", NOTICE_LIMITS.details)),
  signature: z.string().max(NOTICE_LIMITS.signature, tooLong("signature", NOTICE_LIMITS.signature)),
});

/**
 * An accepted notice as sent (after trimming, with `articleUrls` as a list): what parseNotice
 * accepts once every element is present. Also the shape the boundary fuzz generates from.
 */
export const NoticeFieldsSchema = NoticeSchema.extend({
  goodFaith: z.literal(true),
  accuracy: z.literal(true),
});

/** The elements a notice lacks, in the order §512(c)(3)(A) lists them. */
export function missingElements(fields: Record<string, unknown>): Array<(typeof NOTICE_ELEMENTS)[number]> {
  const present = (field: NoticeField) =>
    field === "articleUrls"
      ? urlList(fields.articleUrls).length > 0
      : field === "goodFaith" || field === "accuracy"
        ? checked(fields[field])
        : text(fields[field]) !== "";
  return NOTICE_ELEMENTS.filter((element) => !element.fields.every(present));
}

export function parseNotice(fields: Record<string, unknown>): NoticeParse {
  const missing = missingElements(fields);
  if (missing.length > 0) {
    const fieldErrors: FieldErrors = {};
    for (const element of missing) {
      for (const field of element.fields) fieldErrors[field] = [`Missing: ${element.text}.`];
    }
    const list = missing.map((element) => element.text).join("; ");
    return {
      ok: false,
      message: `Your notice is missing ${missing.length} of the 6 elements a notice needs: ${list}. Nothing was stored: add ${missing.length === 1 ? "it" : "them"} and send the notice again.`,
      fieldErrors,
    };
  }
  const parsed = NoticeSchema.safeParse({
    claimantName: text(fields.claimantName),
    organisation: text(fields.organisation),
    contactEmail: text(fields.contactEmail),
    workTitle: text(fields.workTitle),
    workUrl: text(fields.workUrl),
    articleUrls: urlList(fields.articleUrls),
    details: text(fields.details),
    signature: text(fields.signature),
  });
  if (!parsed.success) {
    const fieldErrors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "form");
      (fieldErrors[field] ??= []).push(issue.message);
    }
    return { ok: false, message: parsed.error.issues[0]!.message, fieldErrors };
  }
  const { organisation, ...rest } = parsed.data;
  return { ok: true, notice: { ...rest, organisation: organisation || null } };
}

// ─── The staff's steps on a case ─────────────────────────────────────────────

const caseId = z
  .string("Say which case: its id.")
  .min(1, "Say which case: its id.")
  .max(64, "That is no case id.");
const note = z.string("Write the note as text.").trim().max(2000, "Keep the note under 2000 characters.");

export const CaseStepSchema = z.object({ id: caseId });
export const RejectNoticeSchema = z.object({
  id: caseId,
  reason: z
    .string("Say why the notice is rejected: the claimant is told.")
    .trim()
    .min(1, "Say why the notice is rejected: the claimant is told.")
    .max(2000, "Keep the reason under 2000 characters."),
});
export const CaseNoteSchema = z.object({ id: caseId, note: note.default("") });

export const NoticeFiltersSchema = z.object({
  status: z
    .enum(["RECEIVED", "UNDER_REVIEW", "ACTIONED", "REJECTED", "COUNTER_NOTICE", "RESTORED", "OPEN"])
    .optional()
    .catch(undefined),
  overdue: z
    .string()
    .optional()
    .transform((value) => value === "1")
    .catch(false),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type NoticeFilters = z.infer<typeof NoticeFiltersSchema>;
