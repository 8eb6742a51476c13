import Link from "next/link";
import { ArticleMeta } from "@/components/article/article-card";
import type { SearchHit } from "@/lib/search/search-articles";
import { HighlightedText } from "./highlighted-text";
import styles from "./search.module.css";
import { articlePath } from "@/lib/articles/paths";

export function SearchResult({ hit }: { hit: SearchHit }) {
  const { article } = hit;
  return (
    <article className="article-card" data-testid="search-result">
      <h2>
        <Link href={articlePath(article.slug)}>
          <HighlightedText segments={hit.title} />
        </Link>
      </h2>
      <ArticleMeta article={article} />
      {hit.snippet.length > 0 && (
        <p className={styles.snippet}>
          <HighlightedText segments={hit.snippet} />
        </p>
      )}
    </article>
  );
}
