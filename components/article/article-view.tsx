import type { JSONContent } from "@tiptap/core";
import type { ReactNode } from "react";
import type { ArticleView as ArticleViewData } from "@/lib/articles/public-articles";
import { readingMinutes } from "@/lib/editor/document";
import { ArticleBody } from "@/lib/editor/render";
import { ArticleTags } from "./article-tags";
import { Byline } from "./byline";
import { PublishedDate } from "./published-date";
import { SourceLine } from "./source-line";

/**
 * An article as readers see it; the staff preview renders the same component. The public page
 * passes what only readers get: `share` (ShareLinks), `related` (RelatedArticles) and
 * `comments` (CommentSection).
 */
export function ArticleView({
  article,
  share,
  related,
  comments,
}: {
  article: ArticleViewData;
  share?: ReactNode;
  related?: ReactNode;
  comments?: ReactNode;
}) {
  const authorization = article.authorization;
  return (
    <article>
      <h1 className="article-title">{article.title}</h1>
      <p className="meta">
        <Byline bylines={article.bylines} />
        {article.publishedAt && (
          <>
            {" · "}
            <PublishedDate date={article.publishedAt} />
          </>
        )}
        {" · "}
        {readingMinutes(article.bodyText)} min read
      </p>
      {article.kind === "REPRINT" && article.source && (
        <aside className="attribution" aria-label="Attribution">
          <SourceLine source={article.source} /> · reprinted with authorization
          {article.isTranslation && " · translated"}
          {article.isModified && " · edited"}
          {authorization?.attributionRequired && authorization.attributionText && (
            <p>{authorization.attributionText}</p>
          )}
          {authorization?.linkBackRequired && article.originalUrl && (
            <p>
              Original: <a href={article.originalUrl}>{article.originalTitle ?? article.originalUrl}</a>
            </p>
          )}
        </aside>
      )}
      <div className="article-body">
        <ArticleBody document={article.body as JSONContent} />
      </div>
      {share}
      <ArticleTags tags={article.tags} />
      {related}
      {comments}
    </article>
  );
}
