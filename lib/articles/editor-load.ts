import "server-only";

import type { EditorFields, EditorOptions, ServerArticle } from "@/lib/articles/editor-types";
import { db } from "@/lib/platform/db";
import type { ArticleDocument } from "@/lib/editor/document";
import { mediaUrl } from "@/lib/media/urls";

export const EMPTY_FIELDS: EditorFields = {
  title: "",
  slug: "",
  excerpt: "",
  body: { type: "doc", content: [{ type: "paragraph" }] },
  kind: "ORIGINAL",
  sourceId: null,
  authorizationId: null,
  originalUrl: "",
  originalTitle: "",
  sourceLine: "",
  originalLanguage: "",
  isTranslation: false,
  isModified: false,
  bylines: [],
  tagIds: [],
  featuredImageId: null,
  featuredImageAlt: "",
  seoTitle: "",
  seoDescription: "",
  commentMode: null,
  commentAutoCloseDays: null,
  commentLinkLimit: null,
  commentMaxLength: null,
  commentSlowModeSeconds: null,
};

/** What the editor's pickers offer. */
export async function editorOptions(): Promise<EditorOptions> {
  const [sources, authorizations, people, tags] = await Promise.all([
    db.source.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.reprintAuthorization.findMany({
      where: { status: "GRANTED" },
      orderBy: { validFrom: "desc" },
      select: { id: true, sourceId: true, scope: true, validFrom: true, validUntil: true },
    }),
    db.person.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.tag.findMany({
      orderBy: [{ kind: "asc" }, { name: "asc" }],
      select: { id: true, name: true, kind: true },
    }),
  ]);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return {
    sources,
    authorizations: authorizations.map((a) => ({
      id: a.id,
      sourceId: a.sourceId,
      label: `${a.scope.replace("_", " ").toLowerCase()}, from ${day(a.validFrom)}${a.validUntil ? ` until ${day(a.validUntil)}` : ""}`,
    })),
    people,
    tags,
  };
}

/** An article as the editor loads it: the server's confirmed version and its fields. */
export async function articleForEditor(id: string) {
  const article = await db.article.findUnique({
    where: { id },
    include: {
      bylines: { orderBy: { position: "asc" }, select: { personId: true, role: true } },
      tags: { orderBy: { position: "asc" }, select: { tagId: true } },
      featuredImage: { select: { storageKey: true } },
    },
  });
  if (!article) return null;
  const server: ServerArticle = {
    id: article.id,
    version: article.version,
    status: article.status,
    slug: article.slug,
    title: article.title,
    excerpt: article.excerpt,
    body: article.body as ArticleDocument,
    updatedAt: article.updatedAt.toISOString(),
  };
  const fields: EditorFields = {
    title: article.title,
    slug: article.slug,
    excerpt: article.excerpt,
    body: article.body as ArticleDocument,
    kind: article.kind,
    sourceId: article.sourceId,
    authorizationId: article.authorizationId,
    originalUrl: article.originalUrl ?? "",
    originalTitle: article.originalTitle ?? "",
    sourceLine: article.sourceLine ?? "",
    originalLanguage: article.originalLanguage ?? "",
    isTranslation: article.isTranslation,
    isModified: article.isModified,
    bylines: article.bylines,
    tagIds: article.tags.map((t) => t.tagId),
    featuredImageId: article.featuredImageId,
    featuredImageAlt: article.featuredImageAlt ?? "",
    seoTitle: article.seoTitle ?? "",
    seoDescription: article.seoDescription ?? "",
    commentMode: article.commentMode,
    commentAutoCloseDays: article.commentAutoCloseDays,
    commentLinkLimit: article.commentLinkLimit,
    commentMaxLength: article.commentMaxLength,
    commentSlowModeSeconds: article.commentSlowModeSeconds,
  };
  return {
    server,
    fields,
    createdById: article.createdById,
    status: article.status,
    featuredImageUrl: article.featuredImage ? mediaUrl(article.featuredImage.storageKey) : null,
  };
}
