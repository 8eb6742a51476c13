// The discussion under an article: the count, the first page of published threads (the rest on
// request, see more-comments.tsx) and the form. It reads no
// cookie, header or query string, so the article page stays one cached page for every reader;
// whatever belongs to one reader happens in the client components inside it.
import { getPublicComments, type CommentOrder } from "@/lib/comments/public-comments";
import { commentsFeedPath } from "@/lib/feeds/comments";
import { CommentThread } from "./comment-thread";
import styles from "./comments.module.css";
import { CommentsProvider } from "./comments-provider";
import { MoreComments } from "./more-comments";
import { CountHeading, FormSlot, OwnComments } from "./reader-slots";

export async function CommentSection({
  articleId,
  articleSlug,
  commentsOpen,
  order = "oldest",
}: {
  articleId: string;
  articleSlug: string;
  /** Whether new comments are taken (see areCommentsOpen in lib/comments/public-comments.ts). */
  commentsOpen: boolean;
  /** Top-level comments oldest (default) or newest first; replies always read oldest first. */
  order?: CommentOrder;
}) {
  const { count, threads, nextCursor } = await getPublicComments(articleId, order);
  const ownTopLevel = <OwnComments parentId={null} />;
  return (
    <section id="comments" className={styles.section} aria-labelledby="comments-heading">
      <CommentsProvider articleId={articleId} open={commentsOpen}>
        <h2 id="comments-heading" className={styles.heading}>
          <CountHeading count={count} />
        </h2>
        <p className={styles.feedLink}>
          <a href={commentsFeedPath(articleSlug)}>Comments feed (RSS)</a>
        </p>
        {order === "newest" && ownTopLevel}
        {threads.length > 0 && (
          <ol className={styles.list}>
            {threads.map((node) => (
              <CommentThread key={node.id} node={node} level={1} />
            ))}
          </ol>
        )}
        {nextCursor && <MoreComments order={order} firstCursor={nextCursor} />}
        {order === "oldest" && ownTopLevel}
        {commentsOpen ? <FormSlot parentId={null} /> : <p className={styles.closed}>Comments are closed.</p>}
      </CommentsProvider>
    </section>
  );
}
