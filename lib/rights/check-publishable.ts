// Whether an article may go public now. A reprint needs its source; the reprint-rights rules
// (authorizations, scope, validity) extend this same function.
import type { ArticleKind } from "@/lib/generated/prisma/enums";

export type RightsReason = "NO_SOURCE";

export const RIGHTS_REASON_TEXT: Record<RightsReason, string> = {
  NO_SOURCE: "A reprint needs its source before it can be published.",
};

export type RightsDecision = { allowed: true } | { allowed: false; reasons: RightsReason[] };

export function checkPublishable(article: { kind: ArticleKind; sourceId: string | null }): RightsDecision {
  if (article.kind === "REPRINT" && !article.sourceId) return { allowed: false, reasons: ["NO_SOURCE"] };
  return { allowed: true };
}
