import "server-only";

import { ActionFailure } from "@/lib/platform/actions/result";
import { db } from "@/lib/platform/db";
import type { Actor } from "@/lib/platform/permissions";
import { rightsPreview, type RightsPreview } from "@/lib/rights/publish-preview";
import { canEditArticle } from "./access";

/** The rights check's live answer for the editor's rights panel, for someone who may edit the article. */
export async function rightsForEditor(articleId: string, actor: Actor): Promise<RightsPreview> {
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: { createdById: true, status: true },
  });
  if (!article) throw new ActionFailure("NOT_FOUND", "This article is not saved yet.");
  if (!canEditArticle(actor, article)) throw new ActionFailure("FORBIDDEN", "You cannot edit this article.");
  return rightsPreview(articleId);
}
