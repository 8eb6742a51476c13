// A reported comment's open reports, each with who made it and that reporter's track record, so a
// moderator can tell a pile-on from people whose reports have held up before.
import { REPORT_REASON_LABELS, type ReportReason } from "@/lib/comments/report-reasons";
import { formatTime } from "./labels";
import type { QueueRow, ReportRow } from "./types";
import styles from "./comments.module.css";

function reporterLabel({ reporter, trusted, knownReader }: ReportRow): string {
  const who =
    reporter.kind === "staff"
      ? `Staff: ${reporter.name ?? "former staff member"}`
      : reporter.kind === "saved-commenter"
        ? "Saved commenter"
        : "Anonymous reader";
  // Anonymous readers are new readers by definition; their reports never hide a comment.
  if (reporter.kind !== "saved-commenter") return who;
  return `${who} (${trusted ? "trusted" : knownReader ? "known reader" : "new reader"})`;
}

function historyLabel({ reports, upheld, dismissed }: ReportRow["reporterHistory"]): string {
  const open = reports - upheld - dismissed;
  return `This reporter: ${reports} report(s), ${upheld} upheld, ${dismissed} dismissed${open > 0 ? `, ${open} open` : ""}`;
}

export function ReportList({ row }: { row: QueueRow }) {
  const more = row.reportCount - row.reports.length;
  return (
    <div className={styles.reports}>
      <p>
        <strong>Reported {row.reportCount} time(s)</strong> ·{" "}
        {row.hiddenByReports ? (
          <span className={styles.badge}>Hidden from readers until you decide</span>
        ) : (
          "still shown to readers"
        )}
      </p>
      {row.reports.length > 0 && (
        <ul aria-label="Reports">
          {row.reports.map((report) => (
            <li key={report.id} data-report-id={report.id}>
              {REPORT_REASON_LABELS[report.reason as ReportReason] ?? report.reason} — {reporterLabel(report)}
              , <time dateTime={report.createdAt}>{formatTime(report.createdAt)}</time>.{" "}
              <span className="meta">{historyLabel(report.reporterHistory)}</span>
            </li>
          ))}
          {more > 0 && <li className="meta">and {more} earlier report(s)</li>}
        </ul>
      )}
    </div>
  );
}
