// Restoring an old revision: its title, excerpt and body become the article's content again, as a
// new version and a new RESTORE revision. History is never rewritten; the restore is in it too.
import { z } from "zod";
import { ActionFailure } from "@/lib/platform/actions/result";
import type { ActionContext } from "@/lib/platform/actions/run-action";
import { recordAudit } from "@/lib/platform/audit/record";
import { invalidateArticle } from "@/lib/platform/cache/article-changes";
import { db } from "@/lib/platform/db";
import { ArticleBodySchema } from "@/lib/editor/body-schema";
import { documentToPlainText } from "@/lib/editor/document";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canEditArticle } from "./access";
import { writeRevision } from "./revisions";
import { articleVersionSelect, conflict, type ArticleVersion } from "./save-article";

const id = z.string().trim().min(1).max(64);

export const RestoreRevisionSchema = z.object({
  articleId: id,
  revisionId: id,
  /** The article version the page was showing: a newer one on the server means a conflict. */
  version: z.coerce.number().int().min(1),
});

export type RestoreRevisionInput = z.output<typeof RestoreRevisionSchema>;

export async function restoreRevision(
  { articleId, revisionId, version }: RestoreRevisionInput,
  { actor, ip }: ActionContext,
): Promise<ArticleVersion> {
  const restored = await db.$transaction(async (tx) => {
    const current = await tx.article.findUnique({
      where: { id: articleId },
      select: { ...articleVersionSelect, createdById: true },
    });
    if (!current) throw new ActionFailure("NOT_FOUND", "This article no longer exists.");
    if (!canEditArticle(actor, current)) {
      throw new ActionFailure("FORBIDDEN", "You cannot edit this article in its current state.");
    }
    // Scoped to the article: a revision id of another article is as unknown as a made-up one.
    const revision = await tx.articleRevision.findFirst({
      where: { id: revisionId, articleId: current.id },
      select: { id: true, version: true, title: true, excerpt: true, body: true },
    });
    if (!revision) throw new ActionFailure("NOT_FOUND", "This revision does not exist for this article.");
    if (current.version !== version) throw conflict(current);

    // Bodies are validated on every write; a revision saved under older rules must pass today's.
    const body = ArticleBodySchema.safeParse(revision.body);
    if (!body.success) {
      throw new ActionFailure(
        "INVALID",
        "This revision's body no longer passes the editor's checks, so it cannot be restored as is. Copy what you need from the comparison instead.",
      );
    }

    // Autosaved text that no revision holds yet is kept as one before it is replaced.
    const latest = await tx.articleRevision.findFirst({
      where: { articleId: current.id },
      orderBy: { createdAt: "desc" },
      select: { title: true, excerpt: true, body: true },
    });
    const unrecorded =
      !latest ||
      latest.title !== current.title ||
      latest.excerpt !== current.excerpt ||
      JSON.stringify(latest.body) !== JSON.stringify(current.body);
    if (unrecorded) await writeRevision(tx, current, "MANUAL_SAVE", actor.id);

    // The version in the WHERE makes the check and the write one atomic step.
    const { count } = await tx.article.updateMany({
      where: { id: current.id, version },
      data: {
        title: revision.title,
        excerpt: revision.excerpt,
        body: body.data as Prisma.InputJsonValue,
        bodyText: documentToPlainText(body.data),
        version: { increment: 1 },
      },
    });
    if (count === 0) {
      throw conflict(
        await tx.article.findUniqueOrThrow({ where: { id: current.id }, select: articleVersionSelect }),
      );
    }
    const restored = await tx.article.findUniqueOrThrow({
      where: { id: current.id },
      select: articleVersionSelect,
    });
    await writeRevision(tx, restored, "RESTORE", actor.id);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "article.restoreRevision",
      entityType: "Article",
      entityId: current.id,
      before: { version: current.version, title: current.title },
      after: {
        version: restored.version,
        title: restored.title,
        revisionId: revision.id,
        revisionVersion: revision.version,
      },
      ip,
    });
    return restored;
  });
  if (restored.status === "PUBLISHED") await invalidateArticle(restored.id);
  return restored;
}
