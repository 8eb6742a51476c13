import type { ReactNode } from "react";
import styles from "./archive.module.css";

/** The head of an archive page: what kind of thing it is, its name, and what we say about it. */
export function ArchiveHeader({
  label,
  title,
  description,
  children,
}: {
  label: string;
  title: ReactNode;
  description?: string | null;
  children?: ReactNode;
}) {
  return (
    <header className={styles.header}>
      <p className={`meta ${styles.kind}`} data-testid="archive-kind">
        {label}
      </p>
      <h1 className={`article-title ${styles.title}`}>{title}</h1>
      {description && <p className={styles.description}>{description}</p>}
      {children}
    </header>
  );
}

export function articleCountPhrase(total: number): string {
  return `${total} ${total === 1 ? "article" : "articles"}`;
}
