// The queues as tabs with their counts; the filters carry over from one tab to another.
import Link from "next/link";
import { hrefWith, type QueryValue } from "@/components/ui/pagination";
import { COMMENT_QUEUES, QUEUE_LABELS, type CommentQueue } from "@/lib/comments/queues";
import styles from "./comments.module.css";

export function QueueTabs({
  current,
  counts,
  filters,
}: {
  current: CommentQueue;
  counts: Record<CommentQueue, number>;
  filters: Record<string, QueryValue>;
}) {
  return (
    <nav aria-label="Comment queues" className={styles.tabs}>
      <ul>
        {COMMENT_QUEUES.map((queue) => (
          <li key={queue}>
            <Link
              href={hrefWith("/admin/comments", { ...filters, queue, page: 1 })}
              aria-current={queue === current ? "page" : undefined}
            >
              {QUEUE_LABELS[queue]} ({counts[queue]})
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
