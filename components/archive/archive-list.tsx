import { ArticleCard } from "@/components/article/article-card";
import type { ArchiveCard } from "@/lib/articles/archives";
import styles from "./archive.module.css";

export interface ArchiveEntry {
  article: ArchiveCard;
  /** A line above the card, e.g. the person's role on it. */
  note?: string;
}

export function ArchiveList({ entries, empty }: { entries: ArchiveEntry[]; empty: string }) {
  if (entries.length === 0) return <p className={`meta ${styles.empty}`}>{empty}</p>;
  return (
    <>
      {entries.map(({ article, note }) => (
        <div key={article.id}>
          {note && <p className={`meta ${styles.role}`}>{note}</p>}
          <ArticleCard article={article} />
        </div>
      ))}
    </>
  );
}
