import { COMMENT_LINK_REL, commentParagraphs } from "@/lib/comments/body-parts";
import styles from "./comments.module.css";

/** A comment's plain text as paragraphs, line breaks and links; React escapes every piece of text. */
export function CommentBody({ body }: { body: string }) {
  return (
    <div className={styles.body}>
      {commentParagraphs(body).map((paragraph, p) => (
        <p key={p}>
          {paragraph.map((part, i) =>
            part.type === "break" ? (
              <br key={i} />
            ) : part.type === "link" ? (
              <a key={i} href={part.href} rel={COMMENT_LINK_REL}>
                {part.text}
              </a>
            ) : (
              part.text
            ),
          )}
        </p>
      ))}
    </div>
  );
}
