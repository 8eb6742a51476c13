"use client";

import { startTransition, useActionState } from "react";
import { restoreRevision } from "@/app/(admin)/admin/articles/[id]/revisions/actions";
import type { ActionResult } from "@/lib/platform/actions/result";
import { confirmationFromText, useConfirm } from "@/components/ui/confirm-dialog";

/**
 * "Restore this revision": makes the revision's title, excerpt and body the article's content as
 * a new version. On success the action sends the browser back to the editor.
 */
export function RestoreRevisionButton({
  articleId,
  revisionId,
  revisionVersion,
  articleVersion,
}: {
  articleId: string;
  revisionId: string;
  revisionVersion: number;
  /** The article version this page was rendered from: the action refuses if it has moved on. */
  articleVersion: number;
}) {
  const [state, formAction, pending] = useActionState(
    (previous: ActionResult | null, formData: FormData) => restoreRevision(previous, formData),
    null,
  );
  const [ask, dialog] = useConfirm();
  const failure = state && !state.ok ? state : null;
  return (
    <>
      <form
        className="inline"
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          const question =
            `Restore version ${revisionVersion}? Its title, excerpt and body become the article's ` +
            "current content, as a new version. The history keeps every earlier version.";
          ask(
            confirmationFromText(question, "Restore this revision"),
            () => startTransition(() => formAction(data)),
            event.nativeEvent.submitter,
          );
        }}
      >
        <input type="hidden" name="articleId" value={articleId} />
        <input type="hidden" name="revisionId" value={revisionId} />
        <input type="hidden" name="version" value={articleVersion} />
        <button type="submit" disabled={pending}>
          {pending ? "Restoring…" : "Restore this revision"}
          <span className="visually-hidden"> (version {revisionVersion})</span>
        </button>
        <span className={failure ? "form-error" : "form-status"} role="status" aria-live="polite">
          {failure?.code === "CONFLICT"
            ? "The article changed since this page was opened. Reload the page and try again."
            : state?.message}
        </span>
      </form>
      {dialog}
    </>
  );
}
