import type { ReactNode } from "react";
import { COMMENT_LINK_REL } from "@/lib/comments/body-parts";
import type { PublicComment } from "@/lib/comments/public-comments";
import { safeHttpUrl } from "@/lib/seo/urls";
import { LocalTime } from "@/components/site/local-time";
import { CommentBody } from "./comment-body";
import styles from "./comments.module.css";

export const commentAnchor = (id: string) => `comment-${id}`;

/**
 * One comment as readers see it, on the server (published comments) and in the browser (the
 * reader's own, just posted). Only fields of PublicComment can reach it.
 */
export function CommentCard({
  comment,
  pending = false,
  children,
}: {
  comment: PublicComment;
  /** The reader's own comment, held for moderation. */
  pending?: boolean;
  /** Actions under the body (Reply, Report). */
  children?: ReactNode;
}) {
  const website = safeHttpUrl(comment.authorUrl);
  return (
    <article className={styles.card} aria-label={`Comment by ${comment.authorName}`}>
      <header className={styles.header}>
        <span className={styles.author}>
          {website ? (
            <a href={website} rel={COMMENT_LINK_REL}>
              {comment.authorName}
            </a>
          ) : (
            comment.authorName
          )}
        </span>
        {comment.isStaff && <span className={styles.staff}>Staff</span>}
        <span className={styles.date}>
          <a href={`#${commentAnchor(comment.id)}`}>
            <LocalTime iso={comment.createdAt} style="dateTime" />
          </a>
        </span>
      </header>
      {pending && <p className={styles.pendingNote}>Your comment is awaiting moderation.</p>}
      <CommentBody body={comment.body} />
      {children}
    </article>
  );
}
