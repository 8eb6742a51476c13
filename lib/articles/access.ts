import type { ArticleStatus } from "@/lib/generated/prisma/enums";
import { can, type Actor } from "@/lib/platform/permissions";

const WRITER_EDITABLE: readonly ArticleStatus[] = ["DRAFT", "IN_REVIEW"];

/** Editors edit any article; writers edit their own while it is a draft or in review. */
export function canEditArticle(
  actor: Actor,
  article: { createdById: string | null; status: ArticleStatus },
): boolean {
  if (can(actor, "article.editAny")) return true;
  return (
    can(actor, "article.editOwn") &&
    article.createdById === actor.id &&
    WRITER_EDITABLE.includes(article.status)
  );
}
