// Input of the reprint-authorization actions and routes, and the query string of
// /admin/authorizations and its CSV export. Forms send strings; direct callers may send
// booleans, Dates and arrays: both parse to the same output. Optional texts left empty become
// null, never "".
import { z } from "zod";
import { filterDate, filterId, filterPage } from "@/lib/platform/list-filters";
import {
  DERIVED_STATUSES,
  EVIDENCE_KINDS,
  SCOPES,
  TERMINATION_EFFECTS,
} from "@/lib/rights/authorizations/status";

export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;
export const MAX_LIST_ITEMS = 20;
export const MAX_LIST_ITEM_LENGTH = 60;
/** What the file input should offer; the server decides from the bytes, not from this. */
export const ACCEPTED_EVIDENCE_TYPES = "application/pdf,image/png,image/jpeg,image/webp";

export const AUTHORIZATION_MESSAGES = {
  endBeforeStart: "The end date must be after the start date.",
  scopeUrlRequired: "Give the address of the article this authorization covers.",
  scopeAuthorRequired: "Give the author's name as the source prints it.",
  attributionRequired: "Give the attribution text the grantor asked for.",
  noFile: "Choose a file to upload.",
  noEvidenceText: "Paste the grantor's reply (the email or message that grants the permission).",
  grantedInFuture: "The day it was granted cannot be in the future.",
  emptyFile: "This file is empty.",
  fileTooLarge: "This file is larger than 20 MB. Make it smaller, then upload it again.",
  wrongFileType: "Evidence files must be PDF documents or PNG, JPEG or WebP images.",
  screenshotNotImage: "A screenshot must be a PNG, JPEG or WebP image.",
} as const;

const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;
const blankToNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);

const id = (message: string) =>
  z.string({ error: message }).trim().min(1, message).max(64, "That id is not valid.");

const version = z.coerce
  .number({ error: "Missing version: reload the page." })
  .int("Missing version: reload the page.")
  .min(1, "Missing version: reload the page.");

const httpUrl = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .max(2000, "The address is too long (2,000 characters at most).")
    .pipe(z.url({ protocol: /^https?$/, error: message }));

/** Optional text: "" and blanks become null. */
const optionalText = (max: number, label: string) =>
  z.preprocess(
    blankToNull,
    z
      .string({ error: `${label} must be text.` })
      .trim()
      .max(max, `Keep ${label.toLowerCase()} under ${max.toLocaleString("en")} characters.`)
      .nullable()
      .optional(),
  );

/** Text kept exactly as given (no trimming): the grantor's own words. */
const verbatimText = (max: number, label: string) =>
  z
    .string({ error: `${label} must be text.` })
    .max(max, `Keep ${label.toLowerCase()} under ${max.toLocaleString("en")} characters.`);

const requiredReason = (message: string) =>
  z.string({ error: message }).trim().min(1, message).max(2000, "Keep the reason under 2,000 characters.");

/**
 * A checkbox: forms send a hidden "false" then the box's "true" when ticked (so an unticked box
 * still says false), which arrives as ["false", "true"]; the last value wins.
 */
const flag = z.preprocess(
  (value) => {
    const last = Array.isArray(value) ? value.at(-1) : value;
    if (last === "true" || last === "on") return true;
    if (last === "false") return false;
    return last;
  },
  z.boolean({ error: "Choose yes or no." }),
);

const MIN_DATE = Date.UTC(1970, 0, 1);
const MAX_DATE = Date.UTC(2200, 0, 1);
const dateValue = (message: string) =>
  z.coerce
    .date({ error: message })
    .refine((d) => d.getTime() >= MIN_DATE && d.getTime() < MAX_DATE, "Enter a date between 1970 and 2200.");
const requiredDate = (message: string) => z.preprocess(blankToUndefined, dateValue(message));
const optionalDate = (message: string) =>
  z.preprocess(
    (v) => (v === undefined ? undefined : blankToNull(v)),
    dateValue(message).nullable().optional(),
  );

/** Territories or channels: an array, or one string split at commas, semicolons or new lines. */
const shortList = (noun: string, plural: string) =>
  z.preprocess(
    (value) => {
      if (value === undefined || value === null) return value;
      const items = typeof value === "string" ? value.split(/[,;\n，、；]/u) : value;
      if (!Array.isArray(items)) return value;
      const trimmed = items.map((item: unknown) => (typeof item === "string" ? item.trim() : item));
      return [...new Set(trimmed.filter((item) => item !== ""))];
    },
    z
      .array(
        z
          .string({ error: `Each ${noun} must be text.` })
          .max(MAX_LIST_ITEM_LENGTH, `Keep each ${noun} under ${MAX_LIST_ITEM_LENGTH} characters.`),
        { error: `List the ${plural}, separated by commas.` },
      )
      .max(MAX_LIST_ITEMS, `At most ${MAX_LIST_ITEMS} ${plural}.`),
  );

const scope = z.enum(SCOPES, { error: "Choose what the authorization covers." });
const onTermination = z.enum(TERMINATION_EFFECTS, {
  error: "Choose what happens to covered articles when it ends.",
});

/** Every term of an authorization, none defaulted: absent means "not given". */
const termFields = {
  scope: scope.optional(),
  scopeUrl: z.preprocess(
    blankToNull,
    httpUrl("Enter the article's full http(s) address.").nullable().optional(),
  ),
  scopeAuthorName: optionalText(200, "The author's name"),
  validFrom: requiredDate("Enter the start date.").optional(),
  validUntil: optionalDate("Enter a valid end date, or leave it empty for no end."),
  attributionRequired: flag.optional(),
  attributionText: z.preprocess(
    (v) => (v === null ? "" : v),
    z
      .string({ error: "The attribution text must be text." })
      .trim()
      .max(1000, "Keep the attribution text under 1,000 characters.")
      .optional(),
  ),
  linkBackRequired: flag.optional(),
  canonicalToOriginal: flag.optional(),
  modificationAllowed: flag.optional(),
  translationAllowed: flag.optional(),
  omissionAllowed: flag.optional(),
  territories: shortList("territory", "territories").optional(),
  channels: shortList("channel", "channels").optional(),
  onTermination: onTermination.optional(),
  grantorStatement: z.preprocess(
    (v) => (v === null ? "" : v),
    verbatimText(20_000, "The grantor's statement").optional(),
  ),
};

export interface TermsForCheck {
  scope: string;
  scopeUrl: string | null;
  scopeAuthorName: string | null;
  validFrom: Date;
  validUntil: Date | null;
  attributionRequired: boolean;
  attributionText: string;
}

const isDate = (value: unknown): value is Date => value instanceof Date && !Number.isNaN(value.getTime());

/** The rules between terms, field by field. Shared by the schemas and by grant's final terms. */
export function termsProblems(
  terms: Partial<Record<keyof TermsForCheck, unknown>>,
): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  if (isDate(terms.validFrom) && isDate(terms.validUntil) && terms.validUntil <= terms.validFrom) {
    problems.validUntil = [AUTHORIZATION_MESSAGES.endBeforeStart];
  }
  if (terms.scope === "ARTICLE" && !terms.scopeUrl) {
    problems.scopeUrl = [AUTHORIZATION_MESSAGES.scopeUrlRequired];
  }
  if (terms.scope === "AUTHOR" && !terms.scopeAuthorName) {
    problems.scopeAuthorName = [AUTHORIZATION_MESSAGES.scopeAuthorRequired];
  }
  if (terms.attributionRequired === true && typeof terms.attributionText === "string") {
    if (!terms.attributionText.trim())
      problems.attributionText = [AUTHORIZATION_MESSAGES.attributionRequired];
  }
  return problems;
}

function addTermsIssues(value: Record<string, unknown>, ctx: z.RefinementCtx) {
  // A field that failed its own check keeps its own message only.
  for (const [path, messages] of Object.entries(termsProblems(value))) {
    for (const message of messages) ctx.addIssue({ code: "custom", path: [path], message });
  }
}

/** The scope's detail is kept only for the scope that uses it. */
export function dropUnusedScopeDetail<
  T extends { scope?: string; scopeUrl?: string | null; scopeAuthorName?: string | null },
>(terms: T): T {
  if (terms.scope === undefined) return terms;
  return {
    ...terms,
    scopeUrl: terms.scope === "ARTICLE" ? terms.scopeUrl : null,
    scopeAuthorName: terms.scope === "AUTHOR" ? terms.scopeAuthorName : null,
  };
}

/** recordRequest: every term, with the defaults of a new request. */
export const RecordRequestSchema = z
  .object({
    sourceId: id("Choose the source."),
    scope: scope.default("WHOLE_SOURCE"),
    scopeUrl: termFields.scopeUrl.transform((v) => v ?? null),
    scopeAuthorName: termFields.scopeAuthorName.transform((v) => v ?? null),
    validFrom: requiredDate("Enter the start date."),
    validUntil: termFields.validUntil.transform((v) => v ?? null),
    attributionRequired: flag.default(true),
    attributionText: termFields.attributionText.transform((v) => v ?? ""),
    linkBackRequired: flag.default(false),
    canonicalToOriginal: flag.default(false),
    modificationAllowed: flag.default(false),
    translationAllowed: flag.default(false),
    omissionAllowed: flag.default(false),
    territories: shortList("territory", "territories").default([]),
    channels: shortList("channel", "channels").default([]),
    onTermination: onTermination.default("TAKE_DOWN"),
    grantorStatement: termFields.grantorStatement.transform((v) => v ?? ""),
    renewsId: z.preprocess(blankToNull, id("That authorization id is not valid.").nullable().optional()),
  })
  .superRefine(addTermsIssues)
  .transform((v) => dropUnusedScopeDetail({ ...v, renewsId: v.renewsId ?? null }));

export type RecordRequestInput = z.output<typeof RecordRequestSchema>;

/** The terms as they are in force: what grant may settle. Absent: unchanged. */
export const FinalTermsSchema = z.object(termFields);
export type FinalTerms = z.output<typeof FinalTermsSchema>;

/** Grant: the request's id and version, plus any term settled in the end (checked again merged). */
export const GrantSchema = z.object({ id: id("Missing authorization id."), version, ...termFields });
export type GrantInput = z.output<typeof GrantSchema>;

export const DenySchema = z.object({
  id: id("Missing authorization id."),
  version,
  reason: requiredReason("Say why the request was denied."),
});
export type DenyInput = z.output<typeof DenySchema>;

export const RevokeSchema = z.object({
  id: id("Missing authorization id."),
  version,
  reason: requiredReason("Say why the authorization is revoked."),
});
export type RevokeInput = z.output<typeof RevokeSchema>;

export const RenewSchema = z.object({ id: id("Missing authorization id.") });
export type RenewInput = z.output<typeof RenewSchema>;

const capturedAt = optionalDate("Enter when it was captured, or leave it empty.").transform((v) => v ?? null);
const note = z.preprocess(
  (v) => (v === null || v === undefined ? "" : v),
  z.string({ error: "The note must be text." }).trim().max(2000, "Keep the note under 2,000 characters."),
);

export const AddEvidenceUrlSchema = z.object({
  authorizationId: id("Missing authorization id."),
  url: httpUrl("Enter the full http(s) address of the evidence."),
  capturedAt,
  note,
});
export type AddEvidenceUrlInput = z.output<typeof AddEvidenceUrlSchema>;

/** The multipart body of POST /api/admin/authorizations/evidence. */
export const AddEvidenceFileSchema = z.object({
  authorizationId: id("Missing authorization id."),
  kind: z.enum(["FILE", "SCREENSHOT"], { error: "Choose file or screenshot." }),
  file: z.instanceof(File, { message: AUTHORIZATION_MESSAGES.noFile }),
  capturedAt,
  note,
});
export type AddEvidenceFileInput = z.output<typeof AddEvidenceFileSchema>;

export { EVIDENCE_KINDS };

/** How the evidence of an authorization granted before it was recorded arrives. */
export const RECORDED_EVIDENCE_KINDS = ["FILE", "SCREENSHOT", "URL", "TEXT"] as const;

/**
 * recordGrantedAuthorization (multipart): a permission already given (by email, before the desk
 * kept records here), with its terms, the day it was granted and its evidence, all at once.
 * TEXT evidence is the grantor's reply pasted as text, kept as a text file with its SHA-256.
 */
export const RecordGrantedSchema = z
  .object({
    ...RecordRequestSchema.in.shape,
    grantedOn: requiredDate("Enter the day the permission was granted."),
    evidenceKind: z.enum(RECORDED_EVIDENCE_KINDS, { error: "Choose how the evidence is given." }),
    evidenceUrl: z.preprocess(
      blankToNull,
      httpUrl("Enter the full http(s) address of the evidence.").nullable().optional(),
    ),
    evidenceText: optionalText(100_000, "The grantor's reply"),
    file: z.instanceof(File).optional(),
    capturedAt,
    note,
  })
  .superRefine((value, ctx) => {
    addTermsIssues(value, ctx);
    const missing = (path: string, message: string) =>
      ctx.addIssue({ code: "custom", path: [path], message });
    if (value.evidenceKind === "URL" && !value.evidenceUrl)
      missing("evidenceUrl", "Enter the full http(s) address of the evidence.");
    if (value.evidenceKind === "TEXT" && !value.evidenceText)
      missing("evidenceText", AUTHORIZATION_MESSAGES.noEvidenceText);
    if ((value.evidenceKind === "FILE" || value.evidenceKind === "SCREENSHOT") && !value.file?.size)
      missing("file", AUTHORIZATION_MESSAGES.noFile);
  })
  .transform(({ renewsId: _renewsId, ...v }) => dropUnusedScopeDetail(v));
export type RecordGrantedInput = z.output<typeof RecordGrantedSchema>;

// ─── List filters and export: anything malformed is dropped, not fatal ───────

/** A checkbox filter: on when the query says 1, true or on (the last value wins). */
const filterFlag = z
  .preprocess((v) => (Array.isArray(v) ? v.at(-1) : v), z.enum(["1", "true", "on"]).optional())
  .transform((v) => v !== undefined)
  .catch(false);

export const AuthorizationFiltersSchema = z.object({
  status: z.enum(DERIVED_STATUSES).optional().catch(undefined),
  source: filterId,
  /** Authorizations whose term ends before this day (UTC). */
  endingBefore: filterDate,
  withoutEvidence: filterFlag,
  /** Revoked, or granted with a term that has ended, and still covering at least one article. */
  lapsedWithArticles: filterFlag,
  page: filterPage,
});
export type AuthorizationFilters = z.output<typeof AuthorizationFiltersSchema>;

export const ExportQuerySchema = AuthorizationFiltersSchema.extend({
  what: z.enum(["authorizations", "articles"]).catch("authorizations"),
});
