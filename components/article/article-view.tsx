import type { JSONContent } from "@tiptap/core";
import { Fragment, type ReactNode } from "react";
import type { ArticleView as ArticleViewData } from "@/lib/articles/public-articles";
import { readingMinutes } from "@/lib/editor/document";
import { ArticleBody } from "@/lib/editor/render";
import { ArticleTags } from "./article-tags";
import { Attribution } from "./attribution";
import { Byline } from "./byline";
import { PublishedDate } from "./published-date";

/**
 * An article as readers see it; the staff preview renders the same component. The public page
 * passes what only readers get: `share` (ShareLinks), `related` (RelatedArticles) and
 * `comments` (CommentSection).
 */
export function ArticleView({
  article,
  languages,
  share,
  related,
  comments,
}: {
  article: ArticleViewData;
  /** The piece's other language versions (LanguageSwitch), when it has some. */
  languages?: ReactNode;
  share?: ReactNode;
  related?: ReactNode;
  comments?: ReactNode;
}) {
  return (
    <article>
      {languages}
      <h1 className="article-title">{article.title}</h1>
      <p className="meta">
        {/* Separators only between the parts there are: no byline, no leading "·". */}
        {[
          article.bylines.length > 0 && <Byline key="byline" bylines={article.bylines} />,
          article.publishedAt && <PublishedDate key="date" date={article.publishedAt} />,
          <span key="minutes">{readingMinutes(article.bodyText)} min read</span>,
        ]
          .filter(Boolean)
          .map((part, index) => (
            <Fragment key={index}>
              {index > 0 && " · "}
              {part}
            </Fragment>
          ))}
      </p>
      {article.kind === "REPRINT" && article.source && (
        <Attribution article={{ ...article, source: article.source }} />
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
