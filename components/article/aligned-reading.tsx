import type { JSONContent } from "@tiptap/core";
import { ArticleBody } from "@/lib/editor/render";
import type { AlignmentRow } from "@/lib/rights/fidelity/alignment";
import { languageAutonym } from "@/lib/platform/languages";
import styles from "./aligned-reading.module.css";

interface Text {
  language: string;
  title: string;
  blocks: JSONContent[];
}

const runOf = (blocks: JSONContent[], indexes: number[]): JSONContent => ({
  type: "doc",
  content: indexes.flatMap((index) => (blocks[index] ? [blocks[index]] : [])),
});

/**
 * The original and its translation paragraph beside paragraph, as the desk aligned them: each row
 * pairs a run of original paragraphs with the translation's. Two columns on wide screens; on a
 * phone each original run sits above its translation.
 */
export function AlignedReading({
  original,
  translation,
  rows,
}: {
  original: Text;
  translation: Text;
  rows: AlignmentRow[];
}) {
  return (
    <div className={styles.reading}>
      <div className={styles.row}>
        <h1 className={styles.title} lang={original.language}>
          {original.title}
        </h1>
        <h1 className={styles.title} lang={translation.language}>
          {translation.title}
        </h1>
      </div>
      {rows.map((row, index) => (
        <div className={styles.row} key={index}>
          <div className={`article-body ${styles.cell}`} lang={original.language}>
            <ArticleBody document={runOf(original.blocks, row.original)} />
          </div>
          <div className={`article-body ${styles.cell}`} lang={translation.language}>
            {row.translation.length > 0 ? (
              <ArticleBody document={runOf(translation.blocks, row.translation)} />
            ) : (
              <p className={`meta ${styles.untranslated}`}>
                Not in the {languageAutonym(translation.language)} version.
              </p>
            )}
          </div>
        </div>
      ))}
    </div>
  );
}
