// RSS 2.0 of public comments: site-wide and per article. Items carry the commenter's name (as
// dc:creator) and the body as escaped HTML; the rows come through the public allowlist
// (lib/comments/public-comments.ts), so no email or IP hash is ever read here.
import "server-only";
import { publicArticleWhere } from "@/lib/articles/visibility";
import { COMMENT_LINK_REL, commentParagraphs } from "@/lib/comments/body-parts";
import { readerVisibleWhere } from "@/lib/comments/queues";
import { publicCommentSelect, publicCommentWhere } from "@/lib/comments/public-comments";
import { db } from "@/lib/platform/db";
import { env } from "@/lib/platform/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { SLUG_PATTERN } from "@/lib/platform/slug";
import { articlePath } from "@/lib/articles/paths";
import { absoluteUrl } from "@/lib/seo/urls";
import { writeRss } from "./rss-document";
import { escapeHtml } from "./rss";
import { siteIdentity } from "@/lib/site/identity";

export const COMMENT_FEED_LIMIT = 50;

export type CommentFeedScope = { kind: "site" } | { kind: "article"; slug: string };

export const commentsFeedPath = (slug?: string) =>
  slug === undefined ? "/feeds/comments" : `/feeds/comments/${encodeURIComponent(slug)}`;

/** The comment body as HTML: escaped text, <br> and nofollow links, from the same parts as the page. */
export function commentBodyHtml(body: string): string {
  return commentParagraphs(body)
    .map((paragraph) => {
      const inner = paragraph
        .map((part) =>
          part.type === "break"
            ? "<br>"
            : part.type === "link"
              ? `<a href="${escapeHtml(part.href)}" rel="${COMMENT_LINK_REL}">${escapeHtml(part.text)}</a>`
              : escapeHtml(part.text),
        )
        .join("");
      return `<p>${inner}</p>`;
    })
    .join("");
}

/** The RSS document, or null when the article is not public. */
export async function buildCommentsFeed(
  scope: CommentFeedScope,
  at: Date,
  siteUrl: string = env.SITE_URL,
): Promise<string | null> {
  let article: { id: string; slug: string; title: string } | null = null;
  if (scope.kind === "article") {
    if (!SLUG_PATTERN.test(scope.slug) || scope.slug.length > 200) return null;
    article = await db.article.findFirst({
      where: { AND: [{ slug: scope.slug }, publicArticleWhere(at)] },
      select: { id: true, slug: true, title: true },
    });
    if (!article) return null;
  }

  // A reply to a hidden comment stays hidden here too, as on the page.
  const where: Prisma.CommentWhereInput = {
    AND: [
      publicCommentWhere(at),
      { OR: [{ parentId: null }, { parent: readerVisibleWhere }] },
      ...(article ? [{ articleId: article.id }] : []),
    ],
  };
  const comments = await db.comment.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: COMMENT_FEED_LIMIT,
    select: { ...publicCommentSelect, article: { select: { slug: true, title: true } } },
  });

  const link = article
    ? `${absoluteUrl(siteUrl, articlePath(article.slug))}#comments`
    : absoluteUrl(siteUrl, "/");
  const site = await siteIdentity();
  return writeRss(
    {
      title: article ? `Comments on “${article.title}”` : `${site.title}: comments`,
      description: article
        ? `Reader comments on “${article.title}” on ${site.title}.`
        : `The latest reader comments on ${site.title}.`,
      language: site.language,
      link,
      selfUrl: absoluteUrl(siteUrl, commentsFeedPath(article?.slug)),
      updated: comments[0]?.createdAt ?? at,
      copyright: "Comments belong to their authors.",
    },
    comments.map((comment) => ({
      title: article ? `By ${comment.authorName}` : `${comment.authorName} on “${comment.article.title}”`,
      link: `${absoluteUrl(siteUrl, articlePath(comment.article.slug))}#comment-${comment.id}`,
      date: comment.createdAt,
      content: commentBodyHtml(comment.body),
      creators: [comment.authorName],
    })),
  );
}
