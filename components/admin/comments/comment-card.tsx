"use client";

import Link from "next/link";
import type { Ref } from "react";
import { hrefWith } from "@/components/ui/pagination";
import type { ModerationChange } from "@/lib/comments/moderation";
import { reasonLabel } from "@/lib/comments/moderation-terms";
import type { Decision } from "@/lib/comments/moderation-schema";
import { EditCommentForm, StaffReplyForm } from "./comment-forms";
import { CommentHistory } from "./comment-history";
import { formatTime, STATUS_LABELS } from "./labels";
import { ReportList } from "./report-list";
import type { QueueRow } from "./types";
import styles from "./comments.module.css";

const CONTEXT_CHARS = 400;

/** The decisions that make sense for a comment where it is now, with their shortcut keys. */
function decisionsFor(row: QueueRow): Array<{ decision: Decision; label: string; shortcut?: string }> {
  const reported = row.queue === "REPORTED";
  const removed = row.status === "SPAM" || row.status === "TRASH";
  return [
    (row.status !== "APPROVED" || reported) && {
      decision: "approve" as const,
      label: reported ? "Keep and dismiss reports" : "Approve",
      shortcut: "a",
    },
    removed && { decision: "restore" as const, label: "Restore" },
    row.status !== "SPAM" && { decision: "spam" as const, label: "Spam", shortcut: "s" },
    row.status !== "TRASH" && { decision: "trash" as const, label: "Trash", shortcut: "d" },
  ].filter((d) => d !== false);
}

function excerpt(text: string): string {
  return text.length > CONTEXT_CHARS ? `${text.slice(0, CONTEXT_CHARS)}…` : text;
}

export function CommentCard({
  row,
  selected,
  checked,
  busy,
  rowRef,
  onSelect,
  onCheck,
  onDecide,
  onChanges,
}: {
  row: QueueRow;
  selected: boolean;
  checked: boolean;
  busy: boolean;
  rowRef: Ref<HTMLElement>;
  onSelect: () => void;
  onCheck: (on: boolean) => void;
  onDecide: (decision: Decision) => void;
  onChanges: (changes: ModerationChange[]) => void;
}) {
  const titleId = `comment-${row.id}-author`;
  return (
    <li>
      <article
        ref={rowRef}
        tabIndex={-1}
        className={styles.row}
        aria-labelledby={titleId}
        aria-current={selected ? "true" : undefined}
        data-comment-id={row.id}
        onFocus={onSelect}
      >
        <div className={styles.head}>
          <input
            type="checkbox"
            aria-label={`Select the comment by ${row.authorName}`}
            checked={checked}
            onChange={(event) => onCheck(event.target.checked)}
          />
          <h3 id={titleId}>
            {row.authorName}
            {row.staffName && <span className={styles.badge}>Staff</span>}
          </h3>
          <span className="meta">
            <Link href={hrefWith("/admin/comments", { queue: row.queue, email: row.authorEmail })}>
              {row.authorEmail}
            </Link>
            {row.authorUrl && <> · {row.authorUrl}</>} ·{" "}
            <time dateTime={row.createdAt}>{formatTime(row.createdAt)}</time> · {STATUS_LABELS[row.status]}
          </span>
        </div>
        <p className="meta">
          On <Link href={`/admin/articles/${row.article.id}`}>{row.article.title || "(untitled)"}</Link>
          {row.article.publicPath && (
            <>
              {" "}
              (<a href={row.article.publicPath}>view on the site</a>)
            </>
          )}
        </p>
        {row.holdReasons.length > 0 && (
          <p>
            <strong>{row.status === "PENDING" ? "Held for:" : "Was held for:"}</strong>{" "}
            {row.holdReasons.map((code) => `${reasonLabel(code)} (${code})`).join(", ")}
          </p>
        )}
        {row.reportCount > 0 && <ReportList row={row} />}
        {row.parent && (
          <blockquote className={styles.context}>
            <span className="meta">
              In reply to {row.parent.authorName} ({STATUS_LABELS[row.parent.status].toLowerCase()}):
            </span>{" "}
            {excerpt(row.parent.body)}
          </blockquote>
        )}
        <div className={styles.body}>{row.body}</div>
        <p className="meta">
          This commenter: {row.history.approved} approved, {row.history.spam} spam
        </p>
        <div className="row-actions">
          {decisionsFor(row).map(({ decision, label, shortcut }) => (
            <button
              key={decision}
              type="button"
              disabled={busy}
              aria-keyshortcuts={shortcut}
              onClick={() => onDecide(decision)}
            >
              {label}
            </button>
          ))}
        </div>
        <EditCommentForm row={row} />
        {(row.status === "PENDING" || row.status === "APPROVED") && (
          <StaffReplyForm row={row} onChanges={onChanges} />
        )}
        <CommentHistory commentId={row.id} log={row.log} />
      </article>
    </li>
  );
}
