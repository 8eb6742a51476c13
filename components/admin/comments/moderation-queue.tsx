"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import {
  bulkModerateComments,
  moderateComment,
  type ModerationResultData,
} from "@/app/(admin)/admin/comments/actions";
import type { ModerationChange } from "@/lib/comments/moderation";
import { DECISION_REASONS } from "@/lib/comments/moderation-terms";
import type { CommentQueue } from "@/lib/comments/queues";
import type { Decision } from "@/lib/comments/moderation-schema";
import { CommentCard } from "./comment-card";
import type { QueueRow } from "./types";
import { useQueueKeys } from "./use-queue-keys";
import styles from "./comments.module.css";

const BULK_DECISIONS: Record<CommentQueue, Array<{ decision: Decision; label: string }>> = {
  PENDING: [
    { decision: "approve", label: "Approve" },
    { decision: "spam", label: "Spam" },
    { decision: "trash", label: "Trash" },
  ],
  REPORTED: [
    { decision: "approve", label: "Keep and dismiss reports" },
    { decision: "spam", label: "Spam" },
    { decision: "trash", label: "Trash" },
  ],
  APPROVED: [
    { decision: "spam", label: "Spam" },
    { decision: "trash", label: "Trash" },
  ],
  SPAM: [
    { decision: "restore", label: "Restore" },
    { decision: "trash", label: "Trash" },
  ],
  TRASH: [
    { decision: "restore", label: "Restore" },
    { decision: "spam", label: "Spam" },
  ],
};

interface Cursor {
  id: string | null;
  /** Move keyboard focus to the row too (after j/k or a decision), not only mark it. */
  focus: boolean;
}

/**
 * One queue's comments: a selection moved with j/k or by focusing a row, decisions by button,
 * shortcut or in bulk. A comment that leaves the queue disappears at once and the selection
 * moves on to the next one; the server's fresh list follows.
 */
export function ModerationQueue({ queue, rows }: { queue: CommentQueue; rows: QueueRow[] }) {
  const [gone, setGone] = useState<ReadonlySet<string>>(() => new Set());
  const [checked, setChecked] = useState<ReadonlySet<string>>(() => new Set());
  const [cursor, setCursor] = useState<Cursor>({ id: null, focus: false });
  const [reason, setReason] = useState("");
  const [note, setNote] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const rowElements = useRef(new Map<string, HTMLElement>());

  const visible = rows.filter((row) => !gone.has(row.id));
  const selectedIndex = visible.findIndex((row) => row.id === cursor.id);
  const selectedId = selectedIndex >= 0 ? cursor.id : null;

  useEffect(() => {
    if (cursor.focus && cursor.id) rowElements.current.get(cursor.id)?.focus();
  }, [cursor]);

  function move(step: 1 | -1) {
    if (visible.length === 0) return;
    const index = selectedIndex < 0 ? 0 : Math.min(visible.length - 1, Math.max(0, selectedIndex + step));
    setCursor({ id: visible[index]!.id, focus: true });
  }

  /** Drops the comments that left this queue and selects the next one after `anchorId`. */
  function applyChanges(changes: ModerationChange[], anchorId: string | null) {
    const leaving = new Set(changes.filter((change) => change.queue !== queue).map((change) => change.id));
    if (leaving.size === 0) return;
    const anchor = Math.max(
      0,
      visible.findIndex((row) => row.id === anchorId),
    );
    const next =
      visible.slice(anchor).find((row) => !leaving.has(row.id)) ??
      visible
        .slice(0, anchor)
        .reverse()
        .find((row) => !leaving.has(row.id));
    setGone((current) => new Set([...current, ...leaving]));
    setChecked((current) => new Set([...current].filter((id) => !leaving.has(id))));
    setCursor({ id: next?.id ?? null, focus: next !== undefined });
  }

  function decide(decision: Decision, ids: string[], bulk: boolean) {
    if (ids.length === 0) {
      const hint = bulk ? "Tick the comments first." : "Choose a comment first: press j, or click it.";
      setMessage({ ok: false, text: hint });
      return;
    }
    const options = { decision, reasons: reason ? [reason] : [], note };
    const anchorId = bulk ? selectedId : ids[0]!;
    startTransition(async () => {
      const result = bulk
        ? await bulkModerateComments({ ...options, ids })
        : await moderateComment({ ...options, commentId: ids[0] });
      setMessage({ ok: result.ok, text: result.message ?? "" });
      if (!result.ok) return;
      setReason("");
      setNote("");
      applyChanges((result.data as ModerationResultData).changes, anchorId);
    });
  }

  useQueueKeys((command) => {
    if (command === "next") return move(1);
    if (command === "previous") return move(-1);
    if (pending) return;
    const decision = ({ approve: "approve", spam: "spam", trash: "trash" } as const)[command];
    decide(decision, selectedId ? [selectedId] : [], false);
  });

  const allChecked = visible.length > 0 && visible.every((row) => checked.has(row.id));
  const checkedIds = visible.filter((row) => checked.has(row.id)).map((row) => row.id);

  return (
    <>
      <div className={styles.toolbar}>
        <label className="inline-choice">
          <input
            type="checkbox"
            checked={allChecked}
            disabled={visible.length === 0}
            onChange={(event) =>
              setChecked(event.target.checked ? new Set(visible.map((row) => row.id)) : new Set())
            }
          />
          Select all on this page
        </label>
        <div role="group" aria-label="With the selected comments" className="row-actions">
          {BULK_DECISIONS[queue].map(({ decision, label }) => (
            <button
              key={decision}
              type="button"
              disabled={checkedIds.length === 0 || pending}
              onClick={() => decide(decision, checkedIds, true)}
            >
              {label} selected ({checkedIds.length})
            </button>
          ))}
        </div>
        <label>
          Reason (optional)
          <select value={reason} onChange={(event) => setReason(event.target.value)}>
            <option value="">None</option>
            {Object.entries(DECISION_REASONS).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Note (optional)
          <input value={note} maxLength={1000} onChange={(event) => setNote(event.target.value)} />
        </label>
        <span className="meta">Reason and note go with your next decision.</span>
      </div>
      <p className={message?.ok === false ? "form-error" : "form-status"} role="status" aria-live="polite">
        {pending ? "Working…" : message?.text}
      </p>
      {visible.length === 0 ? (
        <p>No comments here.</p>
      ) : (
        <ol className={styles.list} aria-label="Comments">
          {visible.map((row) => (
            <CommentCard
              key={row.id}
              row={row}
              selected={row.id === selectedId}
              checked={checked.has(row.id)}
              busy={pending}
              rowRef={(element) => {
                if (element) rowElements.current.set(row.id, element);
                else rowElements.current.delete(row.id);
              }}
              onSelect={() => {
                if (row.id !== selectedId) setCursor({ id: row.id, focus: false });
              }}
              onCheck={(on) =>
                setChecked((current) => {
                  const next = new Set(current);
                  if (on) next.add(row.id);
                  else next.delete(row.id);
                  return next;
                })
              }
              onDecide={(decision) => decide(decision, [row.id], false)}
              onChanges={(changes) => applyChanges(changes, row.id)}
            />
          ))}
        </ol>
      )}
    </>
  );
}
