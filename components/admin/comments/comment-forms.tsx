"use client";

import { editComment, replyToComment, type ModerationResultData } from "@/app/(admin)/admin/comments/actions";
import { ActionForm, FieldError, type FormAction } from "@/components/ui/action-form";
import type { ModerationChange } from "@/lib/comments/moderation";
import type { QueueRow } from "./types";

/** Editing a comment's text; the text before is kept in its history. */
export function EditCommentForm({ row }: { row: QueueRow }) {
  return (
    <details>
      <summary>Edit</summary>
      {/* Keyed on the text, so a saved edit shows up as the new starting point. */}
      <ActionForm key={row.body} action={editComment} submitLabel="Save changes" className="stack">
        {(state) => (
          <>
            <input type="hidden" name="commentId" value={row.id} />
            <label>
              Text of the comment by {row.authorName}
              <textarea name="body" defaultValue={row.body} rows={6} required />
              <FieldError state={state} name="body" />
            </label>
            <label>
              Note for the history (optional)
              <input name="note" maxLength={1000} />
            </label>
          </>
        )}
      </ActionForm>
    </details>
  );
}

/** A reply published at once under the staff member's name; a pending comment is approved first. */
export function StaffReplyForm({
  row,
  onChanges,
}: {
  row: QueueRow;
  onChanges: (changes: ModerationChange[]) => void;
}) {
  const reply: FormAction = async (state, data) => {
    const result = await replyToComment(state, data);
    if (result.ok) onChanges((result.data as ModerationResultData | undefined)?.changes ?? []);
    return result;
  };
  return (
    <details>
      <summary>Reply as staff</summary>
      <ActionForm action={reply} submitLabel="Post reply" className="stack">
        {(state) => (
          <>
            <input type="hidden" name="commentId" value={row.id} />
            {row.status === "PENDING" && <p className="meta">Replying approves this comment first.</p>}
            <label>
              Reply to {row.authorName}
              <textarea name="body" rows={4} required />
              <FieldError state={state} name="body" />
            </label>
          </>
        )}
      </ActionForm>
    </details>
  );
}
