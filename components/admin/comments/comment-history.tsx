// One comment's moderation log, oldest first.
import Link from "next/link";
import { moderationActionLabel, reasonLabel } from "@/lib/comments/moderation-terms";
import { formatTime, STATUS_LABELS } from "./labels";
import type { LogRow } from "./types";
import styles from "./comments.module.css";

export function CommentHistory({ commentId, log }: { commentId: string; log: LogRow[] }) {
  return (
    <details>
      <summary>History ({log.length})</summary>
      <ol className={styles.log}>
        {log.map((entry) => (
          <li key={entry.id}>
            <time dateTime={entry.createdAt}>{formatTime(entry.createdAt)}</time> · {entry.actor ?? "system"}{" "}
            · {moderationActionLabel(entry.action)}
            {entry.fromStatus !== entry.toStatus && entry.toStatus && (
              <>
                {" "}
                ({entry.fromStatus ? STATUS_LABELS[entry.fromStatus] : "new"} →{" "}
                {STATUS_LABELS[entry.toStatus]})
              </>
            )}
            {entry.reasons.length > 0 && <> · {entry.reasons.map(reasonLabel).join(", ")}</>}
            {entry.note && <> · “{entry.note}”</>}
            {entry.previousBody !== null && (
              <details>
                <summary>Text before this edit</summary>
                <pre className={styles.previous}>{entry.previousBody}</pre>
              </details>
            )}
          </li>
        ))}
      </ol>
      <Link href={`/admin/comments/log?comment=${encodeURIComponent(commentId)}`}>
        Open in the moderation log
      </Link>
    </details>
  );
}
