import Link from "next/link";
import type { ArticleCard as ArticleCardData } from "@/lib/articles/public-articles";
import { tagPath } from "@/lib/seo/urls";
import styles from "./article.module.css";
import { Byline } from "./byline";
import { FeaturedImage } from "./featured-image";
import { PublishedDate } from "./published-date";
import { SourceLine } from "./source-line";
import { articlePath } from "@/lib/articles/paths";

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

/** The card's primary tag (its first), above the title. */
export function PrimaryTag({ tags }: { tags: ArticleCardData["tags"] }) {
  const tag = tags[0]?.tag;
  if (!tag) return null;
  return (
    <p className={styles.primaryTag} data-testid="primary-tag">
      <Link href={tagPath(tag.slug)}>{tag.name}</Link>
    </p>
  );
}

export function ArticleCard({ article }: { article: ArticleCardData }) {
  return (
    <article className={article.featuredImage ? `article-card ${styles.cardWithImage}` : "article-card"}>
      <div className={styles.cardText}>
        <PrimaryTag tags={article.tags} />
        <h2>
          <Link href={articlePath(article.slug)}>{article.title}</Link>
        </h2>
        <ArticleMeta article={article} />
        {article.excerpt && <p>{article.excerpt}</p>}
      </div>
      <FeaturedImage article={article} className={styles.cardImage} sizes="(min-width: 40rem) 12rem, 7rem" />
    </article>
  );
}
