// Whether a reprint's kept original is published beside it, as its language version at
// /<language>/articles/<slug> (lib/articles/language-versions.ts). It is a publishing decision,
// so it needs the publish permission; it takes effect while the article itself is public, under
// the same authorization that lets the article be public. An original in the site's own language
// is no version of its own (the article is it), so it cannot be published beside it.
import { z } from "zod";
import { ActionFailure } from "@/lib/platform/actions/result";
import type { ActionContext } from "@/lib/platform/actions/run-action";
import { recordAudit } from "@/lib/platform/audit/record";
import { invalidateArticle } from "@/lib/platform/cache/article-changes";
import { db } from "@/lib/platform/db";
import { languageLabel } from "@/lib/platform/languages";

export const PublishOriginalSchema = z.object({
  id: z.string().min(1).max(64),
  // A checkbox sends "on" when ticked and nothing when not; code may pass a boolean.
  published: z
    .union([z.boolean(), z.literal("on")])
    .optional()
    .transform((value) => Boolean(value)),
});
export type PublishOriginalInput = z.output<typeof PublishOriginalSchema>;

export async function setOriginalPublished(
  input: PublishOriginalInput,
  siteLanguage: string,
  { actor, ip }: ActionContext,
): Promise<{ originalPublished: boolean }> {
  const article = await db.$transaction(async (tx) => {
    const found = await tx.article.findUnique({
      where: { id: input.id },
      select: {
        kind: true,
        status: true,
        originalPublished: true,
        originalRevisions: { orderBy: { revision: "desc" }, take: 1, select: { language: true } },
      },
    });
    if (!found) throw new ActionFailure("NOT_FOUND", "This article no longer exists.");
    const original = found.originalRevisions[0];
    if (input.published) {
      if (found.kind !== "REPRINT" || !original) {
        throw new ActionFailure(
          "INVALID",
          "Only a reprint with a kept original can publish it. Attach the original first.",
        );
      }
      if (original.language === siteLanguage) {
        throw new ActionFailure(
          "INVALID",
          `The original is in ${languageLabel(original.language)}, the site's own language: the article is already that version.`,
        );
      }
    }
    if (found.originalPublished === input.published) return found;
    await tx.article.update({ where: { id: input.id }, data: { originalPublished: input.published } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: input.published ? "article.original_published" : "article.original_unpublished",
      entityType: "Article",
      entityId: input.id,
      before: { originalPublished: found.originalPublished },
      after: { originalPublished: input.published, language: original?.language ?? null },
      ip,
    });
    return found;
  });
  if (article.status === "PUBLISHED") await invalidateArticle(input.id);
  return { originalPublished: input.published };
}
