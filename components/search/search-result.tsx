import Link from "next/link";
import { Byline } from "@/components/article/byline";
import { PublishedDate } from "@/components/article/published-date";
import { SourceLine } from "@/components/article/source-line";
import type { SearchHit } from "@/lib/data/search";
import { HighlightedText } from "./highlighted-text";
import styles from "./search.module.css";

export function SearchResult({ hit }: { hit: SearchHit }) {
  const { article } = hit;
  return (
    <article className="article-card" data-testid="search-result">
      <h2>
        <Link href={`/articles/${article.slug}`}>
          <HighlightedText segments={hit.title} />
        </Link>
      </h2>
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
      {hit.snippet.length > 0 && (
        <p className={styles.snippet}>
          <HighlightedText segments={hit.snippet} />
        </p>
      )}
    </article>
  );
}
