import Link from "next/link";
import type { ArticleCard } from "@/lib/articles/public-articles";
import { articlePath } from "@/lib/articles/paths";
import styles from "./article.module.css";
import { ArticleMeta } from "./article-card";

/** The articles of `relatedArticles` (lib/articles/related-articles.ts); nothing when there are none. */
export function RelatedArticles({ articles }: { articles: ArticleCard[] }) {
  if (articles.length === 0) return null;
  return (
    <section className={styles.related} aria-labelledby="related-title" data-testid="related-articles">
      <h2 id="related-title" className={styles.sectionTitle}>
        Related articles
      </h2>
      <ul className={styles.relatedList}>
        {articles.map((article) => (
          <li key={article.id}>
            <h3 className={styles.relatedTitle}>
              <Link href={articlePath(article.slug)}>{article.title}</Link>
            </h3>
            <ArticleMeta article={article} />
          </li>
        ))}
      </ul>
    </section>
  );
}
