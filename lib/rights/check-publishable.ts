// Whether an article may go public at a given moment, and the record of every such check.
// Our own pieces always may. A reprint needs its source and an authorization from that source
// that is granted, in force, covers it (whole source, this piece, or its author) and allows
// what we did to it (modification, translation). A refusal or revocation that names the piece
// or its author outranks a broader grant. A linked authorization decides alone, except that a
// renewal of it stands in once it lapses. `decideRights` is the rule on loaded data;
// `checkPublishable` loads and decides; `evaluateRights` also records a RightsCheck row.
// No "server-only": scripts (the rights sweep) and tests use it too.
import type { DbTransaction } from "@/lib/platform/db";
import type {
  ArticleKind,
  AuthorizationScope,
  AuthorizationStatus,
  TerminationEffect,
} from "@/lib/generated/prisma/enums";
import {
  authorizationStateAt,
  SCOPE_SPECIFICITY,
  normalizeName,
  normalizeUrl,
  scopeCovers,
} from "./coverage";
import type { AuthorizationState } from "./coverage";
import { fidelityFindings, type FidelityFinding } from "./fidelity/fidelity-findings";

export { authorizationStateAt, isStillServable, normalizeName, normalizeUrl, scopeCovers } from "./coverage";
export type { AuthorizationState } from "./coverage";

export const RIGHTS_REASONS = [
  "NO_SOURCE",
  "NO_COVERING_AUTHORIZATION",
  "NOT_YET_VALID",
  "EXPIRED",
  "REVOKED",
  "DENIED",
  "SCOPE_MISMATCH",
  "MODIFICATION_NOT_PERMITTED",
  "OMISSION_NOT_PERMITTED",
  "TRANSLATION_NOT_PERMITTED",
  "WRONG_SOURCE",
] as const;

export type RightsReason = (typeof RIGHTS_REASONS)[number];

/** One sentence per reason, saying what the editor can do about it. */
export const RIGHTS_REASON_TEXT: Record<RightsReason, string> = {
  NO_SOURCE: "A reprint needs its source before it can be published.",
  NO_COVERING_AUTHORIZATION:
    "No granted authorization from the source covers this reprint; record the source's permission or link an existing grant.",
  NOT_YET_VALID:
    "The authorization for this reprint has not started yet; wait until it is valid or schedule the article for after that date.",
  EXPIRED:
    "The authorization for this reprint has expired; record a renewal from the source and link it to the article.",
  REVOKED:
    "The source has revoked permission for this reprint; it can only be published again under a new authorization from them.",
  DENIED:
    "The source has refused permission for this reprint; it can only be published if they later grant an authorization.",
  SCOPE_MISMATCH:
    "The linked authorization covers a different article or author; check the original URL and bylines, or link an authorization that covers this piece.",
  MODIFICATION_NOT_PERMITTED:
    "The authorization does not allow modified versions; publish the original text unchanged or get the source's permission to modify it.",
  OMISSION_NOT_PERMITTED:
    "The authorization does not allow leaving parts of the original out; translate every paragraph of the original or get the source's permission to omit.",
  TRANSLATION_NOT_PERMITTED:
    "The authorization does not allow translation; get the source's permission to translate before publishing.",
  WRONG_SOURCE:
    "The linked authorization belongs to a different source; link one granted by this reprint's source.",
};

/** What set off a rights check; stored in RightsCheck.trigger. */
export type RightsTrigger = "PUBLISH" | "SCHEDULE" | "SCHEDULED_PUBLISH" | "SWEEP" | "REVOCATION";

/** What a fidelity reason points at: a paragraph of the original, or the headline. */
export type RightsDetail = FidelityFinding;

export type RightsDecision =
  | { allowed: true; authorizationId: string | null }
  | {
      allowed: false;
      reasons: RightsReason[];
      authorizationId: string | null;
      /** Present when the article departs from its original in ways the terms do not allow. */
      details?: RightsDetail[];
    };

/** The article as the rule sees it. */
export interface ArticleRights {
  kind: ArticleKind;
  sourceId: string | null;
  /** The authorization the editor linked; null lets the rule pick a covering grant. */
  authorizationId: string | null;
  originalUrl: string | null;
  isTranslation: boolean;
  isModified: boolean;
  /** Names (and native-script names) of the people in its AUTHOR bylines. */
  authorNames: readonly string[];
  /** How it departs from its kept original (lib/rights/fidelity); none without an original. */
  fidelity?: readonly FidelityFinding[];
}

/** An authorization as the rule sees it; load it with `authorizationRightsSelect`. */
export interface AuthorizationRights {
  id: string;
  sourceId: string;
  scope: AuthorizationScope;
  scopeUrl: string | null;
  scopeAuthorName: string | null;
  status: AuthorizationStatus;
  validFrom: Date;
  validUntil: Date | null;
  modificationAllowed: boolean;
  translationAllowed: boolean;
  omissionAllowed: boolean;
  onTermination: TerminationEffect;
  /** When it was granted or denied; orders a renewed grant after an earlier refusal. */
  decidedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
  /** The authorization this one renews: a renewal stands in for a linked one that lapsed. */
  renewsId: string | null;
}

export const authorizationRightsSelect = {
  id: true,
  sourceId: true,
  scope: true,
  scopeUrl: true,
  scopeAuthorName: true,
  status: true,
  validFrom: true,
  validUntil: true,
  modificationAllowed: true,
  translationAllowed: true,
  omissionAllowed: true,
  onTermination: true,
  decidedAt: true,
  revokedAt: true,
  createdAt: true,
  renewsId: true,
} as const;

function allow(authorizationId: string | null): RightsDecision {
  return { allowed: true, authorizationId };
}

function refuse(
  reasons: readonly RightsReason[],
  authorizationId: string | null,
  article?: ArticleRights,
): RightsDecision {
  const present = new Set(reasons);
  const details = (article?.fidelity ?? []).filter((f) => present.has(f.reason));
  return {
    allowed: false,
    reasons: RIGHTS_REASONS.filter((r) => present.has(r)),
    authorizationId,
    ...(details.length > 0 ? { details } : {}),
  };
}

const STATE_REASON: Record<Exclude<AuthorizationState, "VALID">, RightsReason> = {
  NOT_YET_VALID: "NOT_YET_VALID",
  EXPIRED: "EXPIRED",
  REVOKED: "REVOKED",
  DENIED: "DENIED",
  REQUESTED: "NO_COVERING_AUTHORIZATION",
};

/** When the source last spoke through this authorization: its revocation, else its decision. */
function decisionTime(a: AuthorizationRights): number {
  const time = a.status === "REVOKED" ? (a.revokedAt ?? a.decidedAt) : a.decidedAt;
  return (time ?? a.createdAt).getTime();
}

/** Most specific first, then most recent, then by id so the choice is stable. */
function byRank(a: AuthorizationRights, b: AuthorizationRights): number {
  return (
    SCOPE_SPECIFICITY[b.scope] - SCOPE_SPECIFICITY[a.scope] ||
    decisionTime(b) - decisionTime(a) ||
    a.id.localeCompare(b.id)
  );
}

function sameTarget(a: AuthorizationRights, b: AuthorizationRights): boolean {
  if (a.scope !== b.scope) return false;
  if (a.scope === "ARTICLE") return normalizeUrl(a.scopeUrl ?? "") === normalizeUrl(b.scopeUrl ?? "");
  if (a.scope === "AUTHOR")
    return normalizeName(a.scopeAuthorName ?? "") === normalizeName(b.scopeAuthorName ?? "");
  return true;
}

/**
 * Whether grant `g` overrides refusal/revocation `b`: it names the piece more specifically
 * (an ARTICLE grant over an AUTHOR refusal), or names the same piece or author and came later.
 */
function outranks(g: AuthorizationRights, b: AuthorizationRights): boolean {
  const difference = SCOPE_SPECIFICITY[g.scope] - SCOPE_SPECIFICITY[b.scope];
  if (difference !== 0) return difference > 0;
  return sameTarget(g, b) && decisionTime(g) > decisionTime(b);
}

function conditionProblems(a: AuthorizationRights, article: ArticleRights): RightsReason[] {
  const problems: RightsReason[] = [];
  if (article.isModified && !a.modificationAllowed) problems.push("MODIFICATION_NOT_PERMITTED");
  if (article.isTranslation && !a.translationAllowed) problems.push("TRANSLATION_NOT_PERMITTED");
  for (const finding of article.fidelity ?? []) {
    if (finding.reason === "MODIFICATION_NOT_PERMITTED" && !a.modificationAllowed)
      problems.push("MODIFICATION_NOT_PERMITTED");
    if (finding.reason === "OMISSION_NOT_PERMITTED" && !a.omissionAllowed)
      problems.push("OMISSION_NOT_PERMITTED");
  }
  return [...new Set(problems)];
}

const TELLING_STATES = ["NOT_YET_VALID", "EXPIRED", "REVOKED", "DENIED"] as const;

/** Among authorizations that are not in force, the state that best explains why, and whose. */
function mostTelling(
  candidates: readonly AuthorizationRights[],
  at: Date,
): { reason: RightsReason; authorizationId: string } | null {
  for (const state of TELLING_STATES) {
    const inState = candidates.filter((a) => authorizationStateAt(a, at) === state).sort(byRank);
    if (inState[0]) return { reason: STATE_REASON[state], authorizationId: inState[0].id };
  }
  return null;
}

/**
 * Refusals and revocations that name this piece (by URL or author) and that no valid grant
 * outranks. A broader grant cannot override them; a later grant for the same piece or author
 * can. When the grant that would override one is itself expired or not yet valid, that state
 * is the reason given.
 */
function activeBlock(
  covering: readonly AuthorizationRights[],
  named: AuthorizationRights | undefined,
  at: Date,
): RightsDecision | null {
  const grants = covering.filter((a) => a.status === "GRANTED");
  const blockers = covering
    .filter((a) => (a.status === "DENIED" || a.status === "REVOKED") && a.scope !== "WHOLE_SOURCE")
    .filter((b) => !grants.some((g) => authorizationStateAt(g, at) === "VALID" && outranks(g, b)))
    .sort(byRank);
  if (blockers.length === 0) return null;
  const explained = blockers.map((b) => {
    const superseding = mostTelling(
      grants.filter((g) => outranks(g, b)),
      at,
    );
    return superseding ?? { reason: STATE_REASON[b.status as "DENIED" | "REVOKED"], authorizationId: b.id };
  });
  const namedBlocker = named && blockers.some((b) => b.id === named.id) ? named.id : null;
  return refuse(
    explained.map((e) => e.reason),
    namedBlocker ?? explained[0]!.authorizationId,
  );
}

/** What stops a linked authorization from allowing this article: its state, its scope, its conditions. */
function linkedProblems(a: AuthorizationRights, article: ArticleRights, at: Date): RightsReason[] {
  const reasons: RightsReason[] = [];
  const state = authorizationStateAt(a, at);
  if (state !== "VALID") reasons.push(STATE_REASON[state]);
  const covers = scopeCovers(a, article);
  if (!covers) reasons.push("SCOPE_MISMATCH");
  if (state === "VALID" && covers) reasons.push(...conditionProblems(a, article));
  return reasons;
}

/** Renewals of `a` (and renewals of those), same source only, latest decision first. */
function renewalsOf(
  a: AuthorizationRights,
  authorizations: readonly AuthorizationRights[],
): AuthorizationRights[] {
  const found = new Map<string, AuthorizationRights>([[a.id, a]]);
  let frontier = [a.id];
  while (frontier.length > 0) {
    const next = authorizations.filter(
      (r) => r.renewsId && frontier.includes(r.renewsId) && r.sourceId === a.sourceId && !found.has(r.id),
    );
    for (const r of next) found.set(r.id, r);
    frontier = next.map((r) => r.id);
  }
  found.delete(a.id);
  return [...found.values()].sort(
    (x, y) => decisionTime(y) - decisionTime(x) || y.validFrom.getTime() - x.validFrom.getTime(),
  );
}

/** The rule itself, on loaded data: no database, no clock. */
export function decideRights(
  article: ArticleRights,
  authorizations: readonly AuthorizationRights[],
  at: Date,
): RightsDecision {
  if (article.kind === "ORIGINAL") return allow(null);
  if (!article.sourceId) return refuse(["NO_SOURCE"], null);

  const covering = authorizations.filter((a) => a.sourceId === article.sourceId && scopeCovers(a, article));
  const named = article.authorizationId
    ? authorizations.find((a) => a.id === article.authorizationId)
    : undefined;

  const blocked = activeBlock(covering, named, at);
  if (blocked) return blocked;

  if (article.authorizationId) {
    // The editor (or an earlier publication) linked one: it decides, or a renewal of it does.
    if (!named) return refuse(["NO_COVERING_AUTHORIZATION"], null);
    if (named.sourceId !== article.sourceId) return refuse(["WRONG_SOURCE"], named.id);
    const own = linkedProblems(named, article, at);
    if (own.length === 0) return allow(named.id);
    const renewals = renewalsOf(named, authorizations);
    const working = renewals.find((r) => linkedProblems(r, article, at).length === 0);
    if (working) return allow(working.id);
    // The source's latest decided word on the renewal explains more than the lapsed original.
    const latest = renewals.find((r) => r.status !== "REQUESTED");
    if (latest) return refuse(linkedProblems(latest, article, at), latest.id, article);
    return refuse(own, named.id, article);
  }

  // None linked: the best valid covering grant, preferring one whose conditions this version
  // meets, then the most specific, then the longest-lasting.
  const valid = covering
    .filter((a) => authorizationStateAt(a, at) === "VALID")
    .map((a) => ({ a, problems: conditionProblems(a, article) }))
    .sort(
      (x, y) =>
        x.problems.length - y.problems.length ||
        SCOPE_SPECIFICITY[y.a.scope] - SCOPE_SPECIFICITY[x.a.scope] ||
        (y.a.validUntil?.getTime() ?? Infinity) - (x.a.validUntil?.getTime() ?? Infinity) ||
        byRank(x.a, y.a),
    );
  const best = valid[0];
  if (best) return best.problems.length > 0 ? refuse(best.problems, best.a.id, article) : allow(best.a.id);

  const telling = mostTelling(covering, at);
  if (telling) return refuse([telling.reason], telling.authorizationId);
  return refuse(["NO_COVERING_AUTHORIZATION"], null);
}

/** What the rule needs of an article; turn the row into `ArticleRights` with `articleRightsOf`. */
export const articleRightsSelect = {
  kind: true,
  sourceId: true,
  authorizationId: true,
  originalUrl: true,
  isTranslation: true,
  isModified: true,
  bylines: {
    where: { role: "AUTHOR" },
    select: { person: { select: { name: true, nativeName: true } } },
  },
  // The fidelity check's material: our text, its alignment and the latest revision of the original.
  title: true,
  body: true,
  alignment: true,
  confirmedHeadline: true,
  originalRevisions: { orderBy: { revision: "desc" }, take: 1, select: { title: true, body: true } },
} as const;

interface ArticleRightsRow extends Omit<ArticleRights, "authorNames" | "fidelity"> {
  bylines: { person: { name: string; nativeName: string | null } }[];
  title: string;
  body: unknown;
  alignment: unknown;
  confirmedHeadline: string | null;
  originalRevisions: { title: string; body: unknown }[];
}

export function articleRightsOf(row: ArticleRightsRow): ArticleRights {
  return {
    kind: row.kind,
    sourceId: row.sourceId,
    authorizationId: row.authorizationId,
    originalUrl: row.originalUrl,
    isTranslation: row.isTranslation,
    isModified: row.isModified,
    authorNames: row.bylines.flatMap(({ person }) =>
      person.nativeName ? [person.name, person.nativeName] : [person.name],
    ),
    fidelity:
      row.kind === "REPRINT"
        ? fidelityFindings({
            original: row.originalRevisions[0] ?? null,
            article: {
              title: row.title,
              body: row.body,
              isTranslation: row.isTranslation,
              alignment: row.alignment,
              confirmedHeadline: row.confirmedHeadline,
            },
          })
        : [],
  };
}

/** Loads the article and the authorizations that bear on it (its source's, and the one it links) in `tx`, and decides. */
export async function checkPublishable(
  tx: DbTransaction,
  articleId: string,
  at: Date,
): Promise<RightsDecision> {
  const article = await tx.article.findUnique({ where: { id: articleId }, select: articleRightsSelect });
  if (!article) throw new Error(`Rights check: article ${articleId} does not exist.`);
  const rights = articleRightsOf(article);
  if (rights.kind === "ORIGINAL" || !rights.sourceId) return decideRights(rights, [], at);

  const related = [
    { sourceId: rights.sourceId },
    ...(rights.authorizationId ? [{ id: rights.authorizationId }] : []),
  ];
  const authorizations = await tx.reprintAuthorization.findMany({
    where: { OR: related },
    select: authorizationRightsSelect,
  });
  return decideRights(rights, authorizations, at);
}

/**
 * `checkPublishable`, recorded: writes one RightsCheck row (article, the authorization the
 * decision rests on, trigger, outcome, reasons, actor, time = `at`) in `tx`. If `tx` later
 * rolls back, the row goes with it.
 */
export async function evaluateRights(
  tx: DbTransaction,
  input: { articleId: string; trigger: RightsTrigger; actorId: string | null; at: Date },
): Promise<RightsDecision> {
  const decision = await checkPublishable(tx, input.articleId, input.at);
  await tx.rightsCheck.create({
    data: {
      articleId: input.articleId,
      authorizationId: decision.authorizationId,
      trigger: input.trigger,
      allowed: decision.allowed,
      reasons: decision.allowed ? [] : decision.reasons,
      // The words only: the diff is shown live in the editor, and the revision keeps the text.
      details: decision.allowed
        ? []
        : (decision.details ?? []).map(({ reason, paragraph, text }) => ({ reason, paragraph, text })),
      actorId: input.actorId,
      createdAt: input.at,
    },
  });
  return decision;
}
