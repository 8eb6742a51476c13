// What a webhook says about an article: its public data only (what any reader of the page or
// the content API could see), read in the transaction of the change.
import type { DbTransaction } from "@/lib/platform/db";
import { env } from "@/lib/platform/env";
import { absoluteUrl } from "@/lib/platform/site-url";
import { articlePath } from "@/lib/articles/paths";

export interface WebhookArticle {
  id: string;
  slug: string;
  url: string;
  title: string;
  excerpt: string;
  kind: "ORIGINAL" | "REPRINT";
  status: string;
  publishedAt: string | null;
  authors: string[];
  source: { name: string; url: string | null } | null;
  originalUrl: string | null;
}

export async function webhookArticle(tx: DbTransaction, articleId: string): Promise<WebhookArticle | null> {
  const article = await tx.article.findUnique({
    where: { id: articleId },
    select: {
      id: true,
      slug: true,
      title: true,
      excerpt: true,
      kind: true,
      status: true,
      publishedAt: true,
      originalUrl: true,
      source: { select: { name: true, url: true } },
      bylines: {
        where: { role: "AUTHOR" },
        orderBy: { position: "asc" },
        select: { person: { select: { name: true } } },
      },
    },
  });
  if (!article) return null;
  return {
    id: article.id,
    slug: article.slug,
    url: absoluteUrl(env.SITE_URL, articlePath(article.slug)),
    title: article.title,
    excerpt: article.excerpt,
    kind: article.kind,
    status: article.status,
    publishedAt: article.publishedAt?.toISOString() ?? null,
    authors: article.bylines.map((b) => b.person.name),
    source: article.source,
    originalUrl: article.kind === "REPRINT" ? article.originalUrl : null,
  };
}

export interface WebhookComment {
  id: string;
  articleId: string;
  parentId: string | null;
  authorName: string;
  body: string;
  createdAt: string;
}

/** A comment as readers see it (never the commenter's email, address or IP). */
export async function webhookComment(tx: DbTransaction, commentId: string): Promise<WebhookComment | null> {
  const comment = await tx.comment.findUnique({
    where: { id: commentId },
    select: { id: true, articleId: true, parentId: true, authorName: true, body: true, createdAt: true },
  });
  return comment && { ...comment, createdAt: comment.createdAt.toISOString() };
}
