// The terms of a reprint authorization as one value: what a request asks for, what a grant
// settles, and what a renewal carries over. Pure, so forms and the domain share it.
import type { ReprintAuthorization } from "@/lib/generated/prisma/client";

export const TERM_KEYS = [
  "scope",
  "scopeUrl",
  "scopeAuthorName",
  "validFrom",
  "validUntil",
  "attributionRequired",
  "attributionText",
  "linkBackRequired",
  "canonicalToOriginal",
  "modificationAllowed",
  "translationAllowed",
  "omissionAllowed",
  "territories",
  "channels",
  "onTermination",
  "grantorStatement",
] as const;

export type TermKey = (typeof TERM_KEYS)[number];
export type Terms = Pick<ReprintAuthorization, TermKey>;

export function termsOf(row: Terms): Terms {
  return Object.fromEntries(TERM_KEYS.map((key) => [key, row[key]])) as Terms;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

/** The terms that differ, as { key: { from, to } }. */
export function diffTerms(
  before: Terms,
  after: Terms,
): Partial<Record<TermKey, { from: unknown; to: unknown }>> {
  const changes: Partial<Record<TermKey, { from: unknown; to: unknown }>> = {};
  for (const key of TERM_KEYS) {
    if (!sameValue(before[key], after[key])) changes[key] = { from: before[key], to: after[key] };
  }
  return changes;
}

const DAY = 86_400_000;

function startOfUtcDay(date: Date): Date {
  return new Date(Math.floor(date.getTime() / DAY) * DAY);
}

/**
 * The term a renewal asks for: it starts when the renewed one ends (or today, when that has
 * passed or there is no end) and lasts as long as the renewed one did; open-ended stays open.
 */
export function renewalValidity(
  renewed: { validFrom: Date; validUntil: Date | null },
  at: Date,
): { validFrom: Date; validUntil: Date | null } {
  const validFrom =
    renewed.validUntil && renewed.validUntil.getTime() > at.getTime()
      ? renewed.validUntil
      : startOfUtcDay(at);
  if (!renewed.validUntil) return { validFrom, validUntil: null };
  const length = Math.max(DAY, renewed.validUntil.getTime() - renewed.validFrom.getTime());
  return { validFrom, validUntil: new Date(validFrom.getTime() + length) };
}

/** The terms a renewal request starts from: the renewed one's conditions, a new term, no statement yet. */
export function renewalTerms(renewed: Terms, at: Date): Terms {
  return { ...termsOf(renewed), ...renewalValidity(renewed, at), grantorStatement: "" };
}

/** The terms as form fields hold them (dates as YYYY-MM-DD in UTC, lists comma-separated). */
export interface TermsFormValues {
  scope: Terms["scope"];
  scopeUrl: string;
  scopeAuthorName: string;
  validFrom: string;
  validUntil: string;
  attributionRequired: boolean;
  attributionText: string;
  linkBackRequired: boolean;
  canonicalToOriginal: boolean;
  modificationAllowed: boolean;
  translationAllowed: boolean;
  omissionAllowed: boolean;
  territories: string;
  channels: string;
  onTermination: Terms["onTermination"];
  grantorStatement: string;
}

const dateField = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "");

export function termsFormValues(terms: Terms): TermsFormValues {
  return {
    scope: terms.scope,
    scopeUrl: terms.scopeUrl ?? "",
    scopeAuthorName: terms.scopeAuthorName ?? "",
    validFrom: dateField(terms.validFrom),
    validUntil: dateField(terms.validUntil),
    attributionRequired: terms.attributionRequired,
    attributionText: terms.attributionText,
    linkBackRequired: terms.linkBackRequired,
    canonicalToOriginal: terms.canonicalToOriginal,
    modificationAllowed: terms.modificationAllowed,
    translationAllowed: terms.translationAllowed,
    omissionAllowed: terms.omissionAllowed,
    territories: terms.territories.join(", "),
    channels: terms.channels.join(", "),
    onTermination: terms.onTermination,
    grantorStatement: terms.grantorStatement,
  };
}

/** A new request's starting point: the whole source, from today, attribution required. */
export function blankTermsFormValues(at: Date): TermsFormValues {
  return {
    scope: "WHOLE_SOURCE",
    scopeUrl: "",
    scopeAuthorName: "",
    validFrom: dateField(at),
    validUntil: "",
    attributionRequired: true,
    attributionText: "",
    linkBackRequired: false,
    canonicalToOriginal: false,
    modificationAllowed: false,
    translationAllowed: false,
    omissionAllowed: false,
    territories: "",
    channels: "",
    onTermination: "TAKE_DOWN",
    grantorStatement: "",
  };
}
