"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { confirmHeadline, saveAlignment } from "@/app/(admin)/admin/articles/actions";
import { DiffPartView } from "@/components/admin/revisions/revision-diff-view";
import type { ArticleOriginal } from "@/lib/articles/original-status";
import { countWords } from "@/lib/editor/document";
import { languageLabel } from "@/lib/platform/languages";
import {
  canSplit,
  mergeRows,
  splitRow,
  toggleSkip,
  type AlignmentRow,
} from "@/lib/rights/fidelity/alignment";
import type { RightsDetail } from "@/lib/rights/check-publishable";

const CJK_LANGUAGE = /^(zh|ja|ko)\b/;

/** CJK text is counted in characters, other text in words. */
function lengthLabel(paragraphs: readonly string[], language: string | null): string {
  const count = countWords(paragraphs.join("\n"));
  const unit = language && CJK_LANGUAGE.test(language) ? "character" : "word";
  return `${count.toLocaleString("en")} ${unit}${count === 1 ? "" : "s"}`;
}

function sameRows(a: readonly AlignmentRow[], b: readonly AlignmentRow[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The original on the left, the translation on the right, one row per aligned stretch. A row is
 * chosen with the arrow keys (or a click); S splits it, M merges it with the next, K skips its
 * original paragraphs (left out on purpose), Ctrl/⌘+S saves the alignment.
 */
export function SideBySide(props: {
  articleId: string;
  headline: string;
  /** The language of our text, when it is known (the site's for a translation). */
  translationLanguage: string | null;
  isTranslation: boolean;
  translation: string[];
  original: ArticleOriginal;
  /** The rights check's fidelity findings, with the diff for a same-language reprint. */
  findings: RightsDetail[];
  canConfirmHeadline: boolean;
}) {
  const router = useRouter();
  const { original } = props;
  const [rows, setRows] = useState(original.alignment);
  const [saved, setSaved] = useState(original.alignment);
  const [active, setActive] = useState(0);
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null);
  const rowRefs = useRef<(HTMLLIElement | null)[]>([]);
  const changed = new Set(original.outOfDate?.changedParagraphs ?? []);
  const dirty = !sameRows(rows, saved);
  const headlineDiffers = props.findings.some((f) => f.paragraph === null);

  function focusRow(index: number) {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setActive(next);
    rowRefs.current[next]?.focus();
  }

  function change(next: AlignmentRow[], message: string) {
    setRows(next);
    setActive((current) => Math.min(current, next.length - 1));
    setStatus({ error: false, text: `${message} Not saved yet.` });
  }

  const split = (i: number) =>
    canSplit(rows[i])
      ? change(splitRow(rows, i), `Row ${i + 1} split in two.`)
      : setStatus({ error: true, text: `Row ${i + 1} has one paragraph on each side: nothing to split.` });
  const merge = (i: number) =>
    i < rows.length - 1
      ? change(mergeRows(rows, i), `Rows ${i + 1} and ${i + 2} merged.`)
      : setStatus({ error: true, text: "The last row has no next row to merge with." });
  const skip = (i: number) =>
    rows[i]?.original.length
      ? change(
          toggleSkip(rows, i),
          rows[i]!.omitted
            ? `Row ${i + 1} is no longer skipped.`
            : `Row ${i + 1} skipped: left out on purpose.`,
        )
      : setStatus({ error: true, text: `Row ${i + 1} has no original paragraph to skip.` });

  async function save() {
    const result = await saveAlignment({ id: props.articleId, originalRevision: original.revision, rows });
    if (result.ok) {
      setSaved(rows);
      setStatus({ error: false, text: result.message ?? "Alignment saved." });
      router.refresh();
    } else setStatus({ error: true, text: result.message });
  }

  async function confirm() {
    const result = await confirmHeadline({ id: props.articleId, title: props.headline });
    setStatus({ error: !result.ok, text: result.message ?? "" });
    if (result.ok) router.refresh();
  }

  function onRowKey(event: KeyboardEvent<HTMLLIElement>, i: number) {
    if (event.target !== event.currentTarget) return;
    const key = event.key.toLowerCase();
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const handlers: Record<string, () => void> = {
      arrowdown: () => focusRow(i + 1),
      arrowup: () => focusRow(i - 1),
      home: () => focusRow(0),
      end: () => focusRow(rows.length - 1),
      s: () => split(i),
      m: () => merge(i),
      k: () => skip(i),
    };
    const handler = handlers[key];
    if (!handler) return;
    event.preventDefault();
    handler();
  }

  // Ctrl/⌘+S saves the alignment wherever the focus is on the page, as it saves in the editor.
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if ((event.metaKey || event.ctrlKey) && !event.altKey && event.key.toLowerCase() === "s") {
        event.preventDefault();
        void saveRef.current();
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  const findingsFor = (row: AlignmentRow) =>
    props.findings.filter((f) => f.paragraph !== null && row.original.includes(f.paragraph - 1));

  return (
    <section className="side-by-side stack wide" aria-label="Original and translation">
      {original.outOfDate && (
        <div className="notice" role="alert" data-testid="out-of-date">
          <strong>The translation is out of date.</strong> It follows revision {original.outOfDate.follows} of
          the original; revision {original.outOfDate.latest} changed{" "}
          {original.outOfDate.changedParagraphs.length > 0
            ? `paragraph${original.outOfDate.changedParagraphs.length === 1 ? "" : "s"} ${original.outOfDate.changedParagraphs.join(", ")}`
            : "nothing in substance"}
          . Update the translation, then save the alignment to mark it up to date.
        </div>
      )}
      <div className="sbs-grid sbs-head">
        <div>
          <h2>Original</h2>
          <p className="meta" data-testid="original-counts">
            {languageLabel(original.language)} · revision {original.revision} · {original.paragraphs.length}{" "}
            paragraphs · {lengthLabel(original.paragraphs, original.language)}
          </p>
          <p className="sbs-title" lang={original.language}>
            {original.title}
          </p>
        </div>
        <div>
          <h2>{props.isTranslation ? "Translation" : "Our text"}</h2>
          <p className="meta" data-testid="translation-counts">
            {props.translation.length} paragraphs ·{" "}
            {lengthLabel(
              props.translation,
              props.isTranslation ? props.translationLanguage : original.language,
            )}
          </p>
          <p className="sbs-title">{props.headline}</p>
          {headlineDiffers && (
            <p className="sbs-headline-note">
              The headline differs from the original title
              {original.confirmedHeadline === props.headline ? " (confirmed)." : "."}{" "}
              {props.canConfirmHeadline && original.confirmedHeadline !== props.headline && (
                <button type="button" onClick={() => void confirm()}>
                  Confirm the headline
                </button>
              )}
            </p>
          )}
        </div>
      </div>
      <div className="sbs-toolbar" role="toolbar" aria-label="Alignment">
        <button type="button" onClick={() => split(active)} aria-keyshortcuts="S">
          Split row
        </button>
        <button type="button" onClick={() => merge(active)} aria-keyshortcuts="M">
          Merge with next
        </button>
        <button type="button" onClick={() => skip(active)} aria-keyshortcuts="K">
          {rows[active]?.omitted ? "Unskip" : "Skip original"}
        </button>
        <button
          type="button"
          className="button-primary"
          onClick={() => void save()}
          aria-keyshortcuts="Control+S"
        >
          Save alignment
        </button>
        <span className="meta">
          Row {active + 1} of {rows.length}. Keys: ↑ ↓ choose, S split, M merge, K skip.
          {dirty && " Unsaved changes."}
        </span>
      </div>
      <p
        className={status?.error ? "form-error" : "form-status"}
        role="status"
        aria-live="polite"
        data-testid="sbs-status"
      >
        {status?.text}
      </p>
      <ol className="sbs-rows" aria-label="Aligned paragraphs">
        {rows.map((row, i) => {
          const untranslated = row.original.length > 0 && row.translation.length === 0;
          const rowFindings = findingsFor(row);
          return (
            <li
              // By position, so the focused row stays focused when rows are merged, split or skipped.
              key={i}
              ref={(el) => {
                rowRefs.current[i] = el;
              }}
              className={`sbs-grid sbs-row${i === active ? " sbs-active" : ""}`}
              tabIndex={i === active ? 0 : -1}
              aria-current={i === active ? "true" : undefined}
              aria-label={`Row ${i + 1}`}
              data-testid="sbs-row"
              onFocus={() => setActive(i)}
              onClick={() => setActive(i)}
              onKeyDown={(e) => onRowKey(e, i)}
            >
              <div className="sbs-cell" lang={original.language}>
                <span className="sbs-label">Original</span>
                {row.original.length === 0 && <p className="meta">Not in the original (added).</p>}
                {row.original.map((n) => (
                  <p key={n}>
                    <span className="sbs-number">¶{n + 1}</span> {original.paragraphs[n]}
                    {changed.has(n + 1) && (
                      <span className="badge sbs-changed"> changed in revision {original.revision}</span>
                    )}
                  </p>
                ))}
              </div>
              <div className="sbs-cell">
                <span className="sbs-label">{props.isTranslation ? "Translation" : "Our text"}</span>
                {untranslated && (
                  <p className={`badge ${row.omitted ? "sbs-omitted" : "sbs-untranslated"}`}>
                    {row.omitted ? "Omitted on purpose" : "Untranslated"}
                  </p>
                )}
                {row.translation.map((n) => (
                  <p key={n}>
                    <span className="sbs-number">¶{n + 1}</span> {props.translation[n]}
                  </p>
                ))}
                {rowFindings.map((f) => (
                  <div key={f.text} className="sbs-finding">
                    <p>{f.text}</p>
                    {f.diff && (
                      <p className="sbs-diff" data-testid="sbs-diff">
                        {f.diff.map((part, k) => (
                          <DiffPartView key={k} part={part} />
                        ))}
                      </p>
                    )}
                  </div>
                ))}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
