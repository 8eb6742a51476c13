// Creating and saving articles. Every save names the version it started from; a save against
// a newer version is refused with the server's copy, so nobody overwrites anybody silently.
import { ActionFailure } from "@/lib/platform/actions/result";
import type { ActionContext } from "@/lib/platform/actions/run-action";
import { recordAudit } from "@/lib/platform/audit/record";
import { emitArticleEvent } from "@/lib/webhooks/emit";
import { invalidateArticle } from "@/lib/platform/cache/article-changes";
import { db, type DbTransaction } from "@/lib/platform/db";
import { documentToPlainText } from "@/lib/editor/document";
import { Prisma } from "@/lib/generated/prisma/client";
import { newArticleId, type ArticleFields } from "@/lib/articles/schema";
import { canEditArticle } from "./access";
import { writeRevision } from "./revisions";
import { rememberOldSlug, uniqueArticleSlug } from "./slugs";

const PUBLIC_STATUSES = new Set(["PUBLISHED", "SCHEDULED"]);

export const articleVersionSelect = {
  id: true,
  version: true,
  title: true,
  slug: true,
  excerpt: true,
  body: true,
  status: true,
  updatedAt: true,
} as const;

export type ArticleVersion = Prisma.ArticleGetPayload<{ select: typeof articleVersionSelect }>;

function scalarData(fields: ArticleFields) {
  return {
    title: fields.title,
    excerpt: fields.excerpt,
    body: fields.body as Prisma.InputJsonValue,
    bodyText: documentToPlainText(fields.body),
    kind: fields.kind,
    sourceId: fields.sourceId ?? null,
    authorizationId: fields.authorizationId ?? null,
    originalUrl: fields.originalUrl ?? null,
    originalTitle: fields.originalTitle ?? null,
    sourceLine: fields.sourceLine ?? null,
    originalLanguage: fields.originalLanguage ?? null,
    // The editor does not send it: a save leaves the imported day alone.
    ...(fields.originalPublishedAt !== undefined && { originalPublishedAt: fields.originalPublishedAt }),
    isTranslation: fields.isTranslation,
    isModified: fields.isModified,
    featuredImageId: fields.featuredImageId ?? null,
    featuredImageAlt: fields.featuredImageAlt ?? null,
    seoTitle: fields.seoTitle ?? null,
    seoDescription: fields.seoDescription ?? null,
    commentMode: fields.commentMode ?? null,
    commentAutoCloseDays: fields.commentAutoCloseDays ?? null,
    commentLinkLimit: fields.commentLinkLimit ?? null,
    commentMaxLength: fields.commentMaxLength ?? null,
    commentSlowModeSeconds: fields.commentSlowModeSeconds ?? null,
  };
}

async function replaceRelations(tx: DbTransaction, articleId: string, fields: ArticleFields) {
  await tx.articleByline.deleteMany({ where: { articleId } });
  await tx.articleTag.deleteMany({ where: { articleId } });
  const bylines = dedupe(fields.bylines, (b) => `${b.personId}:${b.role}`);
  await tx.articleByline.createMany({
    data: bylines.map((b, position) => ({ articleId, personId: b.personId, role: b.role, position })),
  });
  await tx.articleTag.createMany({
    data: dedupe(fields.tagIds, (t) => t).map((tagId, position) => ({ articleId, tagId, position })),
  });
}

function dedupe<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(key(item)) && seen.add(key(item)));
}

/** Turns a broken reference (a deleted person, tag, source…) into an answer the editor can act on. */
function missingReference(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    throw new ActionFailure("CONFLICT", "This article was saved already. Reload the page to continue.");
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003") {
    throw new ActionFailure(
      "INVALID",
      "Something this article refers to (a person, tag, source, authorization or image) no longer exists. Reload and pick it again.",
    );
  }
  throw error;
}

export async function createArticle(
  fields: ArticleFields & { id?: string },
  { actor, ip }: ActionContext,
): Promise<ArticleVersion> {
  return db
    .$transaction(async (tx) => {
      const id = fields.id ?? newArticleId();
      // Without a slug set by hand, the draft reserves no address (see hasOwnAddress).
      const slug = fields.slug ? await uniqueArticleSlug(tx, fields.slug, id) : id;
      const article = await tx.article.create({
        data: { ...scalarData(fields), slug, id, status: "DRAFT", createdById: actor.id },
        select: articleVersionSelect,
      });
      await replaceRelations(tx, article.id, fields);
      await writeRevision(tx, article, "MANUAL_SAVE", actor.id);
      await recordAudit(tx, {
        actorId: actor.id,
        action: "article.create",
        entityType: "Article",
        entityId: article.id,
        after: { title: article.title, slug: article.slug },
        ip,
      });
      return article;
    })
    .catch(missingReference);
}

export async function saveArticle(
  input: ArticleFields & { id: string; version: number; manual: boolean },
  { actor, ip }: ActionContext,
): Promise<ArticleVersion> {
  const saved = await db
    .$transaction(async (tx) => {
      const current = await tx.article.findUnique({
        where: { id: input.id },
        select: { ...articleVersionSelect, createdById: true, withdrawnAt: true },
      });
      if (!current) throw new ActionFailure("NOT_FOUND", "This article no longer exists.");
      if (!canEditArticle(actor, current)) {
        throw new ActionFailure("FORBIDDEN", "You cannot edit this article in its current state.");
      }
      if (current.version !== input.version) throw conflict(current);

      const slug =
        input.slug && input.slug !== current.slug
          ? await uniqueArticleSlug(tx, input.slug, current.id)
          : current.slug;
      // The version in the WHERE makes the check and the write one atomic step.
      const { count } = await tx.article.updateMany({
        where: { id: current.id, version: input.version },
        data: { ...scalarData(input), slug, version: { increment: 1 } },
      });
      if (count === 0)
        throw conflict(
          await tx.article.findUniqueOrThrow({ where: { id: current.id }, select: articleVersionSelect }),
        );
      if (slug !== current.slug && PUBLIC_STATUSES.has(current.status))
        await rememberOldSlug(tx, current.id, current.slug);
      await replaceRelations(tx, current.id, input);
      const saved = await tx.article.findUniqueOrThrow({
        where: { id: current.id },
        select: articleVersionSelect,
      });
      if (input.manual) await writeRevision(tx, saved, "MANUAL_SAVE", actor.id);
      await recordAudit(tx, {
        actorId: actor.id,
        action: input.manual ? "article.save" : "article.autosave",
        entityType: "Article",
        entityId: saved.id,
        before: { version: current.version, title: current.title, slug: current.slug },
        after: { version: saved.version, title: saved.title, slug: saved.slug },
        ip,
      });
      // An edit of a published article is live at once: downstream copies hear of it.
      if (saved.status === "PUBLISHED" && current.withdrawnAt === null) {
        await emitArticleEvent(tx, "article.updated", saved.id);
      }
      return saved;
    })
    .catch(missingReference);
  // An edit of a published article is live at once, autosaved or not.
  if (saved.status === "PUBLISHED") await invalidateArticle(saved.id);
  return saved;
}

export function conflict(server: ArticleVersion): ActionFailure {
  return new ActionFailure(
    "CONFLICT",
    "Someone else saved this article after you opened it. Compare the two versions and choose what to keep.",
    undefined,
    { server },
  );
}
