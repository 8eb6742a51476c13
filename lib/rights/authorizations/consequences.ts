// What a decision on an authorization will withdraw, said before it is confirmed. Counted by the
// rights check itself (decideRights) on the source's authorizations as they would be after the
// decision, over the reprints the decision re-checks (reviewSourceReprints in ../sweep.ts), with
// the sweep's own rule for what a refusal does: withdraw, unless the ruling authorization's terms
// keep existing pieces up.
import { db } from "@/lib/platform/db";
import {
  articleRightsOf,
  articleRightsSelect,
  authorizationRightsSelect,
  decideRights,
  isStillServable,
  type AuthorizationRights,
} from "../check-publishable";

/** The decisions that can take articles down. */
export type WithdrawingDecision = "revoke" | "deny";

export interface WithdrawalPreview {
  /** Public (or scheduled) reprints the decision would withdraw, by title. */
  withdrawn: { id: string; title: string }[];
}

function decided(a: AuthorizationRights, decision: WithdrawingDecision, at: Date): AuthorizationRights {
  return decision === "revoke"
    ? { ...a, status: "REVOKED", revokedAt: at }
    : { ...a, status: "DENIED", decidedAt: at };
}

export async function previewWithdrawals(
  authorizationId: string,
  decision: WithdrawingDecision,
  at: Date,
): Promise<WithdrawalPreview> {
  const target = await db.reprintAuthorization.findUnique({
    where: { id: authorizationId },
    select: authorizationRightsSelect,
  });
  if (!target) return { withdrawn: [] };
  const reprints = await db.article.findMany({
    where: {
      sourceId: target.sourceId,
      kind: "REPRINT",
      withdrawnAt: null,
      status: { in: ["PUBLISHED", "SCHEDULED"] },
    },
    select: { id: true, ...articleRightsSelect },
    orderBy: { title: "asc" },
  });
  const linked = reprints.flatMap((r) => (r.authorizationId ? [r.authorizationId] : []));
  const current = await db.reprintAuthorization.findMany({
    where: { OR: [{ sourceId: target.sourceId }, { id: { in: linked } }] },
    select: authorizationRightsSelect,
  });
  const after = current.map((a) => (a.id === target.id ? decided(a, decision, at) : a));
  const withdrawn = reprints.filter((reprint) => {
    const ruling = decideRights(articleRightsOf(reprint), after, at);
    if (ruling.allowed) return false;
    const by = after.find((a) => a.id === ruling.authorizationId);
    return !(by && isStillServable(by, at));
  });
  return { withdrawn: withdrawn.map(({ id, title }) => ({ id, title })) };
}

/** The sentence the form shows before the confirmation. */
export function withdrawalSentence(preview: WithdrawalPreview): string {
  const count = preview.withdrawn.length;
  if (count === 0) return "No published article will be withdrawn.";
  const titles = preview.withdrawn
    .slice(0, 5)
    .map((a) => `“${a.title}”`)
    .join(", ");
  const more = count > 5 ? ` and ${count - 5} more` : "";
  return `${count} published ${count === 1 ? "article" : "articles"} will be withdrawn (answering 451): ${titles}${more}.`;
}
