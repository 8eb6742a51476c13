import "server-only";

import type { EditorFields, EditorOptions, EditorState, ServerArticle } from "@/lib/articles/editor-types";
import { ActionFailure } from "@/lib/platform/actions/result";
import { now } from "@/lib/platform/clock";
import { db } from "@/lib/platform/db";
import type { Article } from "@/lib/generated/prisma/client";
import { authorizationSummary, derivedStatus } from "@/lib/rights/authorizations/status";
import { articlePath } from "./paths";
import { addressSlug, hasOwnAddress } from "./slugs";
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

/**
 * What the editor's pickers offer: the granted authorizations, and the one the article is linked
 * to whatever its state, so a revoked or lapsed link shows as such rather than as none.
 */
export async function editorOptions(linkedAuthorizationId: string | null = null): Promise<EditorOptions> {
  const [sources, authorizations, people, tags] = await Promise.all([
    db.source.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.reprintAuthorization.findMany({
      where: {
        OR: [{ status: "GRANTED" }, ...(linkedAuthorizationId ? [{ id: linkedAuthorizationId }] : [])],
      },
      orderBy: { validFrom: "desc" },
      select: { id: true, sourceId: true, scope: true, status: true, validFrom: true, validUntil: true },
    }),
    db.person.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.tag.findMany({
      orderBy: [{ kind: "asc" }, { name: "asc" }],
      select: { id: true, name: true, kind: true },
    }),
  ]);
  const at = now();
  return {
    sources,
    authorizations: authorizations.map((a) => ({
      id: a.id,
      sourceId: a.sourceId,
      label: authorizationSummary(a, at),
      granted: derivedStatus(a, at) === "GRANTED",
    })),
    people,
    tags,
  };
}

const editorArticleInclude = {
  bylines: { orderBy: { position: "asc" }, select: { personId: true, role: true } },
  tags: { orderBy: { position: "asc" }, select: { tagId: true } },
  featuredImage: { select: { storageKey: true } },
} as const;

/** The article as the server has it, in the shape the editor keeps (see ServerArticle). */
export async function serverArticle(id: string): Promise<ServerArticle | null> {
  const article = await db.article.findUnique({ where: { id } });
  return article ? toServerArticle(article) : null;
}

async function toServerArticle(article: Article): Promise<ServerArticle> {
  const slug = await addressSlug(db, article);
  return {
    id: article.id,
    version: article.version,
    status: article.status,
    title: article.title,
    excerpt: article.excerpt,
    body: article.body as ArticleDocument,
    updatedAt: article.updatedAt.toISOString(),
    slug: hasOwnAddress(article) ? article.slug : "",
    path: articlePath(slug),
    authorizationId: article.authorizationId,
    withdrawn: article.withdrawnAt
      ? { at: article.withdrawnAt.toISOString(), reason: article.withdrawnReason }
      : null,
  };
}

/** An article as the editor loads it: the server's confirmed version and its fields. */
export async function articleForEditor(id: string) {
  const article = await db.article.findUnique({ where: { id }, include: editorArticleInclude });
  if (!article) return null;
  const server = await toServerArticle(article);
  const fields: EditorFields = {
    title: article.title,
    slug: server.slug,
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

/** The whole editor state after a workflow move (publish, schedule, …): every field refreshed. */
export async function editorStateAfterMove(id: string): Promise<EditorState> {
  const loaded = await articleForEditor(id);
  if (!loaded) throw new ActionFailure("NOT_FOUND", "This article no longer exists.");
  return { server: loaded.server, fields: loaded.fields };
}
