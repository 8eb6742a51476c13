// What a reprint authorization covers and what state it is in at a given moment. Pure
// functions over loaded data: the publishing rule (check-publishable.ts) and the public site
// both build on them.
import type {
  AuthorizationScope,
  AuthorizationStatus,
  TerminationEffect,
} from "@/lib/generated/prisma/enums";

/** The state of an authorization at one moment. EXPIRED and NOT_YET_VALID are derived from dates. */
export type AuthorizationState = "VALID" | "NOT_YET_VALID" | "EXPIRED" | "REVOKED" | "DENIED" | "REQUESTED";

export interface AuthorizationTimes {
  status: AuthorizationStatus;
  validFrom: Date;
  validUntil: Date | null;
}

/** GRANTED and validFrom ≤ at < validUntil (no end date means no end). */
export function authorizationStateAt(authorization: AuthorizationTimes, at: Date): AuthorizationState {
  switch (authorization.status) {
    case "GRANTED":
      if (at.getTime() < authorization.validFrom.getTime()) return "NOT_YET_VALID";
      if (authorization.validUntil && authorization.validUntil.getTime() <= at.getTime()) return "EXPIRED";
      return "VALID";
    case "REVOKED":
      return "REVOKED";
    case "DENIED":
      return "DENIED";
    case "REQUESTED":
      return "REQUESTED";
  }
}

/**
 * Whether an article already public under this authorization may stay public at `at`: while the
 * authorization is valid, and after it ended (expired or revoked) when its terms say
 * KEEP_EXISTING. It says nothing about publishing anything new: that needs a valid authorization.
 */
export function isStillServable(
  authorization: AuthorizationTimes & { onTermination: TerminationEffect },
  at: Date,
): boolean {
  const state = authorizationStateAt(authorization, at);
  if (state === "VALID") return true;
  if (state === "EXPIRED" || state === "REVOKED") return authorization.onTermination === "KEEP_EXISTING";
  return false;
}

/**
 * An original's URL in comparable form: lower-case scheme and host, no default port, no
 * fragment, no trailing slash on the path. The query is kept (WeChat article URLs live in it).
 */
export function normalizeUrl(url: string): string {
  const trimmed = url.trim();
  try {
    const parsed = new URL(trimmed);
    parsed.hash = "";
    const path = parsed.pathname.replace(/\/+$/, "");
    return `${parsed.protocol}//${parsed.host}${path}${parsed.search}`;
  } catch {
    return trimmed.replace(/#.*$/, "").replace(/\/+$/, "");
  }
}

/** A person's name in comparable form: Unicode-compatible (full-width folded), trimmed, single-spaced, lower-case. */
export function normalizeName(name: string): string {
  return name.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
}

export interface ScopeTarget {
  originalUrl: string | null;
  /** Names of the article's AUTHOR bylines (translators do not count). */
  authorNames: readonly string[];
}

export interface AuthorizationScopeFields {
  scope: AuthorizationScope;
  scopeUrl: string | null;
  scopeAuthorName: string | null;
}

/** Whether the authorization's scope takes in this article (its source is checked separately). */
export function scopeCovers(authorization: AuthorizationScopeFields, article: ScopeTarget): boolean {
  switch (authorization.scope) {
    case "WHOLE_SOURCE":
      return true;
    case "ARTICLE":
      return (
        !!authorization.scopeUrl &&
        !!article.originalUrl &&
        normalizeUrl(authorization.scopeUrl) === normalizeUrl(article.originalUrl)
      );
    case "AUTHOR": {
      if (!authorization.scopeAuthorName) return false;
      const wanted = normalizeName(authorization.scopeAuthorName);
      return wanted !== "" && article.authorNames.some((name) => normalizeName(name) === wanted);
    }
  }
}

/** How specifically a scope names an article: one piece beats one author beats the whole source. */
export const SCOPE_SPECIFICITY: Record<AuthorizationScope, number> = {
  WHOLE_SOURCE: 0,
  AUTHOR: 1,
  ARTICLE: 2,
};

/** What `coverageEnd` needs of an authorization and of each renewal. */
export interface CoverageLink extends AuthorizationTimes {
  onTermination: TerminationEffect;
  renewedBy?: readonly CoverageLink[];
}

const coverageTerms = { status: true, validFrom: true, validUntil: true, onTermination: true } as const;

/**
 * An authorization with its renewals, renewals of those and so on to `RENEWAL_DEPTH` levels
 * (lib/articles/visibility.ts), every state included: a requested renewal in the middle of a
 * chain still leads to a granted one, as in the visibility rule.
 */
export const coverageSelect = {
  ...coverageTerms,
  renewedBy: {
    select: {
      ...coverageTerms,
      renewedBy: { select: { ...coverageTerms, renewedBy: { select: coverageTerms } } },
    },
  },
} as const;

function inForceAt(authorization: AuthorizationTimes, at: Date): boolean {
  return authorizationStateAt(authorization, at) === "VALID";
}

function renewalsOf(link: CoverageLink): CoverageLink[] {
  return (link.renewedBy ?? []).flatMap((renewal) => [renewal, ...renewalsOf(renewal)]);
}

/**
 * Until when an article linked to `link` stays public by the visibility rule if nobody decides
 * anything more: the end of the unbroken run of terms in force from `at` on, the linked
 * authorization's and its renewals' (a renewal that starts as another ends carries on), or no end
 * (`until: null`) when one of them has none or the linked one keeps existing pieces up.
 * `covered: false` when nothing lets it be served at `at`.
 */
export function coverageEnd(
  link: CoverageLink,
  at: Date,
): { covered: false } | { covered: true; until: Date | null } {
  const chain = [link, ...renewalsOf(link)];
  const kept = isStillServable(link, at) && link.onTermination === "KEEP_EXISTING";
  if (kept) return { covered: true, until: null };
  if (!chain.some((authorization) => inForceAt(authorization, at))) return { covered: false };
  let until = at;
  for (;;) {
    const inForce = chain.filter((authorization) => inForceAt(authorization, until));
    if (inForce.length === 0) return { covered: true, until };
    if (inForce.some((authorization) => authorization.validUntil === null))
      return { covered: true, until: null };
    until = new Date(Math.max(...inForce.map((authorization) => authorization.validUntil!.getTime())));
  }
}
