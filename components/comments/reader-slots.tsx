"use client";

// The places in the server-rendered threads where per-reader things appear: the form (under the
// comment being replied to, or at the end) and the reader's own comments from this session.
import { CommentCard } from "./comment-card";
import { CommentForm, ownCommentId } from "./comment-form";
import styles from "./comments.module.css";
import { useComments } from "./comments-provider";
import { useOwnComments } from "./own-comments";

/** The form, when it belongs here: `parentId` null is the article's own form. */
export function FormSlot({ parentId }: { parentId: string | null }) {
  const { open, replyTo } = useComments();
  if (!open || (replyTo?.id ?? null) !== parentId) return null;
  return <CommentForm />;
}

/** The reader's own comments under `parentId` (null: top level), held or just published. */
export function OwnComments({ parentId }: { parentId: string | null }) {
  const { articleId } = useComments();
  const own = useOwnComments(articleId).filter((c) => c.parentId === parentId);
  if (own.length === 0) return null;
  return (
    <ol className={parentId ? styles.replies : styles.list}>
      {own.map((comment) => (
        <li key={comment.id} id={ownCommentId(comment.id)} className={styles.item} tabIndex={-1}>
          <CommentCard comment={comment} pending={comment.pending} />
        </li>
      ))}
    </ol>
  );
}

/**
 * The section's heading: the published count, from the server. "No comments yet" would be untrue
 * beside the reader's own comment (held for moderation, so not counted): then it says "Comments".
 */
export function CountHeading({ count }: { count: number }) {
  const { articleId } = useComments();
  const ownCount = useOwnComments(articleId).length;
  if (count === 0) return ownCount > 0 ? "Comments" : "No comments yet";
  return count === 1 ? "1 comment" : `${count.toLocaleString("en-GB")} comments`;
}
