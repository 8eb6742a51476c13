import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Byline } from "@/components/article/byline";
import { PublishedDate } from "@/components/article/published-date";
import { SourceLine } from "@/components/article/source-line";
import { now } from "@/lib/clock";
import { getPublishedArticle } from "@/lib/data/articles";
import { readingMinutes } from "@/lib/editor/document";
import { ArticleBody } from "@/lib/editor/render";

interface Props {
  params: Promise<{ slug: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const article = await getPublishedArticle(decodeURIComponent((await params).slug), now());
  if (!article) return {};
  return { title: article.title, description: article.excerpt };
}

export default async function ArticlePage({ params }: Props) {
  await connection();
  const article = await getPublishedArticle(decodeURIComponent((await params).slug), now());
  if (!article) notFound();
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
        <ArticleBody document={article.body as object} />
      </div>
    </article>
  );
}
