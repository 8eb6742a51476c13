import { MAX_THREAD_DEPTH } from "@/lib/comments/policy";
import type { CommentNode } from "@/lib/comments/public-comments";
import { CommentActions } from "./comment-actions";
import { commentAnchor, CommentCard } from "./comment-card";
import styles from "./comments.module.css";
import { FormSlot, OwnComments } from "./reader-slots";

/** A published comment and its replies; `level` 1 is top level. */
export function CommentThread({ node, level }: { node: CommentNode; level: number }) {
  return (
    <li id={commentAnchor(node.id)} className={styles.item}>
      <CommentCard comment={node}>
        <CommentActions
          commentId={node.id}
          authorName={node.authorName}
          canReply={level < MAX_THREAD_DEPTH}
        />
      </CommentCard>
      <FormSlot parentId={node.id} />
      {node.replies.length > 0 && (
        <ol className={styles.replies}>
          {node.replies.map((reply) => (
            <CommentThread key={reply.id} node={reply} level={level + 1} />
          ))}
        </ol>
      )}
      <OwnComments parentId={node.id} />
    </li>
  );
}
