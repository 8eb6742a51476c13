import type { JSONContent } from "@tiptap/core";
import Link from "next/link";
import type { ArticleView as ArticleViewData } from "@/lib/data/articles";
import { readingMinutes } from "@/lib/editor/document";
import { ArticleBody } from "@/lib/editor/render";
import { Byline } from "./byline";
import { PublishedDate } from "./published-date";
import { SourceLine } from "./source-line";

/** An article as readers see it; the staff preview renders the same component. */
export function ArticleView({ article }: { article: ArticleViewData }) {
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
      {article.tags.length > 0 && (
        <nav className="article-tags" aria-label="Topics">
          <ul>
            {article.tags.map(({ tag }) => (
              <li key={tag.slug}>
                <Link href={`/tags/${tag.slug}`}>{tag.name}</Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </article>
  );
}
