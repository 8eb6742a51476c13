import Link from "next/link";
import { ArticleMeta } from "@/components/article/article-card";
import type { SearchHit } from "@/lib/search/search-articles";
import { HighlightedText } from "./highlighted-text";
import styles from "./search.module.css";

export function SearchResult({ hit }: { hit: SearchHit }) {
  const { article, original } = hit;
  return (
    <article className="article-card" data-testid="search-result">
      <h2>
        <Link href={hit.href}>
          <HighlightedText segments={hit.title} />
        </Link>
      </h2>
      <ArticleMeta article={article} />
      {original && (
        <p className={styles.matchedIn} data-testid="search-matched-in">
          {hit.matchedIn === "original"
            ? "Matched in the original"
            : "Matched in this article and in the original"}{" "}
          (<span lang={original.language}>{original.name}</span>)
          {original.title && original.path && (
            <>
              {": "}
              <Link href={original.path} lang={original.language} hrefLang={original.language}>
                <HighlightedText segments={original.title} />
              </Link>
            </>
          )}
        </p>
      )}
      {hit.snippet.length > 0 && (
        <p className={styles.snippet} lang={hit.snippetLanguage ?? undefined}>
          <HighlightedText segments={hit.snippet} />
        </p>
      )}
    </article>
  );
}
