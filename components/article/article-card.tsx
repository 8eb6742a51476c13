import Link from "next/link";
import type { ArticleCard as ArticleCardData } from "@/lib/data/articles";
import { Byline } from "./byline";
import { PublishedDate } from "./published-date";
import { SourceLine } from "./source-line";

/** The line under a card's title: byline · source · date, each when there is one. */
export function ArticleMeta({
  article,
}: {
  article: Pick<ArticleCardData, "bylines" | "source" | "publishedAt">;
}) {
  return (
    <p className="meta">
      <Byline bylines={article.bylines} />
      {article.source && (
        <>
          {" · "}
          <SourceLine source={article.source} />
        </>
      )}
      {article.publishedAt && (
        <>
          {" · "}
          <PublishedDate date={article.publishedAt} />
        </>
      )}
    </p>
  );
}

export function ArticleCard({ article }: { article: ArticleCardData }) {
  return (
    <article className="article-card">
      <h2>
        <Link href={`/articles/${article.slug}`}>{article.title}</Link>
      </h2>
      <ArticleMeta article={article} />
      {article.excerpt && <p>{article.excerpt}</p>}
    </article>
  );
}
