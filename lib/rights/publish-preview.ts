import "server-only";

import { now } from "@/lib/platform/clock";
import { db } from "@/lib/platform/db";
import { authorizationSummary } from "./authorizations/status";
import {
  checkPublishable,
  RIGHTS_REASON_TEXT,
  type RightsDetail,
  type RightsReason,
} from "./check-publishable";

/** The rights check's answer for an article as saved, without recording it: the editor's rights panel. */
export interface RightsPreview {
  allowed: boolean;
  reasons: { code: RightsReason; text: string }[];
  /** What a fidelity reason points at: the paragraph of the original, the headline, with the diff. */
  details: RightsDetail[];
  /** The authorization the answer rests on: the covering grant, or the one whose state refuses. */
  authorization: { id: string; summary: string } | null;
  sourceId: string | null;
}

export async function rightsPreview(articleId: string, at = now()): Promise<RightsPreview> {
  return db.$transaction(async (tx) => {
    const decision = await checkPublishable(tx, articleId, at);
    const [article, authorization] = await Promise.all([
      tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { sourceId: true } }),
      decision.authorizationId
        ? tx.reprintAuthorization.findUnique({
            where: { id: decision.authorizationId },
            select: { id: true, scope: true, status: true, validFrom: true, validUntil: true },
          })
        : null,
    ]);
    return {
      allowed: decision.allowed,
      reasons: decision.allowed
        ? []
        : decision.reasons.map((code) => ({ code, text: RIGHTS_REASON_TEXT[code] })),
      details: decision.allowed ? [] : (decision.details ?? []),
      authorization: authorization
        ? { id: authorization.id, summary: authorizationSummary(authorization, at) }
        : null,
      sourceId: article.sourceId,
    };
  });
}
