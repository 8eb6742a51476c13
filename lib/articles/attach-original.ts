// Keeps a reprint's original: the first import attaches revision 1, which the translation then
// follows; a re-import (a correction at the source) adds the next revision and leaves the
// translation following the older one, which makes it out of date (original-status.ts). Revisions
// are never changed. Our own pieces have no original.
import { ActionFailure } from "@/lib/platform/actions/result";
import type { ActionContext } from "@/lib/platform/actions/run-action";
import { recordAudit } from "@/lib/platform/audit/record";
import { invalidateArticle } from "@/lib/platform/cache/article-changes";
import { now } from "@/lib/platform/clock";
import { db } from "@/lib/platform/db";
import { documentToPlainText } from "@/lib/editor/document";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canEditArticle } from "./access";
import type { OriginalFields } from "./original-schema";

export interface AttachedOriginal {
  articleId: string;
  revision: number;
  /** True when an earlier revision existed: the translation is now out of date. */
  reimported: boolean;
}

export async function attachOriginal(
  articleId: string,
  original: OriginalFields,
  { actor, ip }: ActionContext,
): Promise<AttachedOriginal> {
  const at = now();
  const attached = await db.$transaction(async (tx) => {
    const article = await tx.article.findUnique({
      where: { id: articleId },
      select: { id: true, kind: true, createdById: true, status: true, originalUrl: true },
    });
    if (!article) throw new ActionFailure("NOT_FOUND", "This article no longer exists.");
    if (!canEditArticle(actor, article))
      throw new ActionFailure("FORBIDDEN", "You cannot edit this article.");
    if (article.kind !== "REPRINT") {
      throw new ActionFailure(
        "INVALID",
        "This is one of our own pieces: only a reprint has an original. Make it a reprint first, or import the original with a new reprint.",
      );
    }
    // Serialises concurrent imports of the same article: the revision number is the lock.
    const latest = await tx.originalRevision.findFirst({
      where: { articleId },
      orderBy: { revision: "desc" },
      select: { revision: true },
    });
    const revision = (latest?.revision ?? 0) + 1;
    const created = await tx.originalRevision.create({
      data: {
        articleId,
        revision,
        language: original.language,
        title: original.title,
        body: original.body as Prisma.InputJsonValue,
        bodyText: documentToPlainText(original.body),
        url: original.url,
        authorLine: original.authorLine,
        publishedOn: original.publishedOn ? new Date(`${original.publishedOn}T00:00:00Z`) : null,
        createdById: actor.id,
        createdAt: at,
      },
      select: { id: true },
    });
    await tx.article.update({
      where: { id: articleId },
      data: {
        originalLanguage: original.language,
        originalTitle: original.title,
        ...(original.url && !article.originalUrl ? { originalUrl: original.url } : {}),
        // The first original is what the text was made from; later ones are corrections to catch up with.
        ...(latest ? {} : { alignedOriginalRevision: revision }),
      },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: latest ? "article.original_reimported" : "article.original_attached",
      entityType: "Article",
      entityId: articleId,
      before: latest ? { originalRevision: latest.revision } : undefined,
      after: { originalRevision: revision, originalRevisionId: created.id, language: original.language },
      ip,
    });
    return {
      articleId,
      revision,
      reimported: latest !== null,
      released: article.status === "PUBLISHED" || article.status === "SCHEDULED",
    };
  });
  // A public article may show its original (a language version, the API, feeds): the new
  // revision is what readers get next.
  const { released, ...result } = attached;
  if (released) await invalidateArticle(articleId);
  return result;
}
