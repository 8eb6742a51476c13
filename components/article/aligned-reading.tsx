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
      {/* One heading naming the piece in both languages, laid out as the columns below it. */}
      <h1 className={`article-title ${styles.row} ${styles.title}`}>
        <span lang={original.language}>{original.title}</span>
        <span lang={translation.language}>{translation.title}</span>
      </h1>
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
