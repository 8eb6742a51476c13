// Saving how the translation lines up with the original. The editor aligns against one revision
// of the original; saving it says the translation now follows that revision, which ends an
// "out of date" state. An alignment naming paragraphs that do not exist is refused. The article's
// version is left alone: the alignment is not part of the text the editor autosaves.
import { z } from "zod";
import { ActionFailure } from "@/lib/platform/actions/result";
import type { ActionContext } from "@/lib/platform/actions/run-action";
import { recordAudit } from "@/lib/platform/audit/record";
import { invalidateArticle } from "@/lib/platform/cache/article-changes";
import { db } from "@/lib/platform/db";
import { documentParagraphs } from "@/lib/editor/document";
import type { Prisma } from "@/lib/generated/prisma/client";
import { alignmentProblem, AlignmentSchema } from "@/lib/rights/fidelity/alignment";
import { canEditArticle } from "./access";

export const SaveAlignmentSchema = z.object({
  id: z.string().min(1).max(64),
  /** The revision of the original the editor aligned against. */
  originalRevision: z.number().int().min(1),
  rows: AlignmentSchema,
});
export type SaveAlignmentInput = z.output<typeof SaveAlignmentSchema>;

export async function saveAlignment(input: SaveAlignmentInput, { actor, ip }: ActionContext) {
  const saved = await db.$transaction(async (tx) => {
    const article = await tx.article.findUnique({
      where: { id: input.id },
      select: { createdById: true, status: true, body: true, alignment: true, alignedOriginalRevision: true },
    });
    if (!article) throw new ActionFailure("NOT_FOUND", "This article no longer exists.");
    if (!canEditArticle(actor, article))
      throw new ActionFailure("FORBIDDEN", "You cannot edit this article.");
    const latest = await tx.originalRevision.findFirst({
      where: { articleId: input.id },
      orderBy: { revision: "desc" },
      select: { revision: true, body: true },
    });
    if (!latest) throw new ActionFailure("INVALID", "This article has no original to align with.");
    if (latest.revision !== input.originalRevision) {
      throw new ActionFailure(
        "CONFLICT",
        `The original was re-imported (revision ${latest.revision}) while you aligned revision ${input.originalRevision}. Reload to align with the new text.`,
      );
    }
    const problem = alignmentProblem(
      input.rows,
      documentParagraphs(latest.body).length,
      documentParagraphs(article.body).length,
    );
    if (problem)
      throw new ActionFailure("INVALID", `${problem} Save the article, reload and align again.`, {
        rows: [problem],
      });
    await tx.article.update({
      where: { id: input.id },
      data: {
        alignment: input.rows as unknown as Prisma.InputJsonValue,
        alignedOriginalRevision: latest.revision,
      },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "article.alignment_saved",
      entityType: "Article",
      entityId: input.id,
      before: { alignedOriginalRevision: article.alignedOriginalRevision, rows: article.alignment },
      after: { alignedOriginalRevision: latest.revision, rows: input.rows },
      ip,
    });
    return { alignedOriginalRevision: latest.revision, status: article.status };
  });
  // The public side-by-side reading view follows the alignment.
  if (saved.status === "PUBLISHED") await invalidateArticle(input.id);
  return { alignedOriginalRevision: saved.alignedOriginalRevision };
}
