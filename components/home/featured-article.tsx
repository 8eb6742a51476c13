import Link from "next/link";
import { ArticleMeta } from "@/components/article/article-card";
import type { FeaturedArticle as FeaturedArticleData } from "@/lib/articles/public-articles";
import { FeaturedImage } from "@/components/article/featured-image";
import { articlePath } from "@/lib/articles/paths";
import { tagPath } from "@/lib/seo/urls";
import styles from "./home.module.css";

/** The home page's featured slot (`featuredArticle` in lib/articles/public-articles.ts): a larger card. */
export function FeaturedArticle({ article }: { article: FeaturedArticleData }) {
  const tag = article.tags[0]?.tag;
  return (
    <article
      className={`${styles.featured} ${article.featuredImage ? styles.withImage : ""}`}
      aria-labelledby="featured-title"
      data-testid="featured-article"
    >
      <FeaturedImage
        article={article}
        className={styles.image}
        sizes="(min-width: 44rem) 28rem, 100vw"
        lazy={false}
      />
      <div>
        <p className={styles.kicker}>
          Featured
          {tag && (
            <>
              {" · "}
              <Link href={tagPath(tag.slug)}>{tag.name}</Link>
            </>
          )}
        </p>
        <h2 id="featured-title" className={styles.title}>
          <Link href={articlePath(article.slug)}>{article.title}</Link>
        </h2>
        {article.excerpt && <p className={styles.excerpt}>{article.excerpt}</p>}
        <ArticleMeta article={article} />
      </div>
    </article>
  );
}
