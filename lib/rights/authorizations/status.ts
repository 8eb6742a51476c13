// What an authorization's status means at a given moment. EXPIRED is never stored: a GRANTED
// authorization whose validUntil has come is expired from that instant on. Pure, so pages,
// forms and tests share it; callers pass the time (`now()` from lib/platform/clock on the server).
import type { AuthorizationStatus } from "@/lib/generated/prisma/enums";

export const DERIVED_STATUSES = ["REQUESTED", "GRANTED", "EXPIRED", "DENIED", "REVOKED"] as const;
export type DerivedStatus = (typeof DERIVED_STATUSES)[number];

export const DERIVED_STATUS_LABELS: Record<DerivedStatus, string> = {
  REQUESTED: "Requested",
  GRANTED: "Granted",
  EXPIRED: "Expired",
  DENIED: "Denied",
  REVOKED: "Revoked",
};

export function derivedStatus(
  auth: { status: AuthorizationStatus; validUntil: Date | null },
  at: Date,
): DerivedStatus {
  if (auth.status === "GRANTED" && auth.validUntil && auth.validUntil.getTime() <= at.getTime()) {
    return "EXPIRED";
  }
  return auth.status;
}

/** Granted, in its term, and so able to cover publication at `at`. */
export function isInEffect(
  auth: { status: AuthorizationStatus; validFrom: Date; validUntil: Date | null },
  at: Date,
): boolean {
  return derivedStatus(auth, at) === "GRANTED" && auth.validFrom.getTime() <= at.getTime();
}

export const SCOPES = ["WHOLE_SOURCE", "ARTICLE", "AUTHOR"] as const;
export type Scope = (typeof SCOPES)[number];
export const SCOPE_LABELS: Record<Scope, string> = {
  WHOLE_SOURCE: "Everything the source publishes",
  ARTICLE: "One article",
  AUTHOR: "One author's pieces",
};

export const TERMINATION_EFFECTS = ["TAKE_DOWN", "KEEP_EXISTING"] as const;
export type TerminationEffectValue = (typeof TERMINATION_EFFECTS)[number];
export const TERMINATION_LABELS: Record<TerminationEffectValue, string> = {
  TAKE_DOWN: "Take covered articles down",
  KEEP_EXISTING: "Keep what is already published",
};

export const EVIDENCE_KINDS = ["URL", "FILE", "SCREENSHOT"] as const;
export const EVIDENCE_KIND_LABELS: Record<(typeof EVIDENCE_KINDS)[number], string> = {
  URL: "Link",
  FILE: "File",
  SCREENSHOT: "Screenshot",
};

/** A date as the admin screens and CSV show it: YYYY-MM-DD (UTC), or "" for none. */
export function isoDate(date: Date | null | undefined): string {
  return date ? date.toISOString().slice(0, 10) : "";
}

/** A moment as the admin screens show it: YYYY-MM-DD HH:MM UTC. */
export function isoMinute(date: Date | null | undefined): string {
  return date ? `${date.toISOString().slice(0, 16).replace("T", " ")} UTC` : "";
}

/** One line naming an authorization in pickers and notices: scope, term, and its state if not granted. */
export function authorizationSummary(
  auth: { scope: Scope; status: AuthorizationStatus; validFrom: Date; validUntil: Date | null },
  at: Date,
): string {
  const term = `from ${isoDate(auth.validFrom)}${auth.validUntil ? ` until ${isoDate(auth.validUntil)}` : ""}`;
  const state = derivedStatus(auth, at);
  const summary = `${SCOPE_LABELS[auth.scope]}, ${term}`;
  return state === "GRANTED" ? summary : `${summary} (${DERIVED_STATUS_LABELS[state].toLowerCase()})`;
}
