"use client";

// Reply and Report under a published comment.
import { useComments, replyButtonId } from "./comments-provider";
import styles from "./comments.module.css";
import { ReportComment } from "./report-comment";

export function CommentActions({
  commentId,
  authorName,
  canReply,
}: {
  commentId: string;
  authorName: string;
  /** False at the deepest thread level: a reply there would be refused. */
  canReply: boolean;
}) {
  const { open, replyTo, startReply } = useComments();
  return (
    <div className={styles.actions}>
      {open && canReply && (
        <button
          type="button"
          id={replyButtonId(commentId)}
          className="link-button"
          aria-expanded={replyTo?.id === commentId}
          onClick={() => startReply(commentId, authorName)}
        >
          Reply
        </button>
      )}
      <ReportComment commentId={commentId} />
    </div>
  );
}
