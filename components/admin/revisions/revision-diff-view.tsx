import type { CSSProperties, ReactNode } from "react";
import { splitDiffLines, type DiffField, type DiffPart, type FieldDiff } from "@/lib/articles/revision-diff";

const FIELD_LABELS: Record<DiffField, string> = { title: "Title", excerpt: "Excerpt", body: "Body" };
/** Unchanged lines kept around each change; longer unchanged stretches are folded. */
const CONTEXT_LINES = 2;

const TEXT: CSSProperties = { whiteSpace: "pre-wrap", overflowWrap: "anywhere", lineHeight: 1.6 };
const LINE: CSSProperties = { minHeight: "1.6em" };
// Not colour alone: added text is also underlined, removed text struck through, and both are
// announced to screen readers by the hidden markers below.
const ADDED: CSSProperties = { background: "#d7f5dd", color: "inherit", textDecoration: "underline" };
const REMOVED: CSSProperties = { background: "#fde2e1", color: "inherit", textDecoration: "line-through" };

/** One part of a diff: added text underlined, removed text struck through, both announced. */
export function DiffPartView({ part }: { part: DiffPart }) {
  if (part.kind === "added") {
    return (
      <ins style={ADDED}>
        <span className="visually-hidden">[added: </span>
        {part.text}
        <span className="visually-hidden">]</span>
      </ins>
    );
  }
  if (part.kind === "removed") {
    return (
      <del style={REMOVED}>
        <span className="visually-hidden">[removed: </span>
        {part.text}
        <span className="visually-hidden">]</span>
      </del>
    );
  }
  return <>{part.text}</>;
}

function Line({ parts }: { parts: DiffPart[] }) {
  return (
    <div style={LINE}>
      {parts.map((part, index) => (
        <DiffPartView key={index} part={part} />
      ))}
    </div>
  );
}

/** The lines of a changed field, with long unchanged stretches folded into a disclosure. */
function FieldLines({ parts }: { parts: DiffPart[] }) {
  const lines = splitDiffLines(parts);
  const changed = lines.map((line) => line.some((part) => part.kind !== "same"));
  const out: ReactNode[] = [];
  let i = 0;
  while (i < lines.length) {
    if (changed[i]) {
      out.push(<Line key={i} parts={lines[i]!} />);
      i++;
      continue;
    }
    let end = i;
    while (end < lines.length && !changed[end]) end++;
    // Context after the previous change and before the next one; nothing at either end of the text.
    const keepStart = i === 0 ? 0 : CONTEXT_LINES;
    const keepEnd = end === lines.length ? 0 : CONTEXT_LINES;
    // Fold only when it hides at least three lines.
    if (end - i <= keepStart + keepEnd + 2) {
      for (let k = i; k < end; k++) out.push(<Line key={k} parts={lines[k]!} />);
    } else {
      for (let k = i; k < i + keepStart; k++) out.push(<Line key={k} parts={lines[k]!} />);
      const folded = lines.slice(i + keepStart, end - keepEnd);
      out.push(
        <details key={`fold-${i}`}>
          <summary className="meta">
            {folded.length} unchanged line{folded.length === 1 ? "" : "s"}
          </summary>
          {folded.map((line, k) => (
            <Line key={k} parts={line} />
          ))}
        </details>,
      );
      for (let k = end - keepEnd; k < end; k++) out.push(<Line key={k} parts={lines[k]!} />);
    }
    i = end;
  }
  return <div style={TEXT}>{out}</div>;
}

/** The diff of two revisions, field by field. Text is rendered as text (React escapes it). */
export function RevisionDiffView({ diff }: { diff: readonly FieldDiff[] }) {
  return (
    <>
      <p className="meta">
        Removed text is <del style={REMOVED}>struck through</del>; added text is{" "}
        <ins style={ADDED}>underlined</ins>. The body is compared as plain text, one paragraph per line:
        formatting, links and images are not compared.
      </p>
      {diff.map((field) => (
        <section
          key={field.field}
          aria-labelledby={`diff-${field.field}`}
          data-testid={`diff-${field.field}`}
        >
          <h3 id={`diff-${field.field}`}>{FIELD_LABELS[field.field]}</h3>
          {field.changed ? <FieldLines parts={field.parts} /> : <p className="meta">No changes.</p>}
        </section>
      ))}
    </>
  );
}
