import Link from "next/link";
import styles from "@/components/admin/comments/comments.module.css";
import { STATUS_LABELS } from "@/components/admin/comments/labels";
import { ColumnHeads } from "@/components/ui/data-table";
import { FilterForm, SelectFilter, TextFilter } from "@/components/ui/list-filters";
import { hrefWith, Pagination } from "@/components/ui/pagination";
import { requirePagePermission } from "@/lib/platform/page-guard";
import { MODERATION_ACTIONS, moderationActionLabel, reasonLabel } from "@/lib/comments/moderation-terms";
import { listModerationLog, moderators } from "@/lib/comments/moderation-list";
import { ModerationLogFiltersSchema } from "@/lib/comments/moderation-schema";

export const metadata = { title: "Moderation log" };

const ACTION_OPTIONS = Object.entries(MODERATION_ACTIONS).map(([value, label]) => ({ value, label }));

export default async function ModerationLogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePagePermission("comment.moderate", "/admin/comments/log");
  const filters = ModerationLogFiltersSchema.parse(await searchParams);
  const [{ entries, total, pages }, staff] = await Promise.all([listModerationLog(filters), moderators()]);
  const actorOptions = [
    { value: "system", label: "System (submission pipeline)" },
    ...staff.map((user) => ({ value: user.id, label: `${user.name} <${user.email}>` })),
  ];
  return (
    <>
      <h1>Moderation log</h1>
      <p>
        <Link href="/admin/comments">Back to the comments</Link>
      </p>
      <FilterForm label="Filter the log">
        <SelectFilter label="Who" name="actor" value={filters.actor} options={actorOptions} />
        <SelectFilter label="Action" name="action" value={filters.action} options={ACTION_OPTIONS} />
        <TextFilter label="From" name="from" type="date" value={filters.from} />
        <TextFilter label="To" name="to" type="date" value={filters.to} />
        {filters.comment && <input type="hidden" name="comment" value={filters.comment} />}
      </FilterForm>
      {filters.comment && (
        <p>
          Showing one comment&apos;s history.{" "}
          <Link href={hrefWith("/admin/comments/log", { ...filters, comment: undefined, page: 1 })}>
            Show every comment
          </Link>
        </p>
      )}
      <p className="meta">{total} entries</p>
      <table className="data-table">
        <ColumnHeads columns={["When (UTC)", "Who", "Action", "Status", "Reasons and note", "Comment"]} />
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>{entry.createdAt.toISOString().slice(0, 19).replace("T", " ")}</td>
              <td>{entry.actor?.name ?? "system"}</td>
              <td>{moderationActionLabel(entry.action)}</td>
              <td>
                {entry.fromStatus ? STATUS_LABELS[entry.fromStatus] : "new"}
                {entry.toStatus && entry.toStatus !== entry.fromStatus && (
                  <> → {STATUS_LABELS[entry.toStatus]}</>
                )}
              </td>
              <td>
                {entry.reasons.map(reasonLabel).join(", ")}
                {entry.note && <div>“{entry.note}”</div>}
                {entry.previousBody !== null && (
                  <details>
                    <summary>Text before the edit</summary>
                    <pre className={styles.previous}>{entry.previousBody}</pre>
                  </details>
                )}
              </td>
              <td>
                <Link href={hrefWith("/admin/comments/log", { comment: entry.comment.id })}>
                  {entry.comment.authorName}
                </Link>{" "}
                on{" "}
                <Link href={`/admin/articles/${entry.comment.article.id}`}>
                  {entry.comment.article.title || "(untitled)"}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination
        path="/admin/comments/log"
        filters={filters}
        page={filters.page}
        pages={pages}
        previousLabel="Newer"
        nextLabel="Older"
      />
    </>
  );
}
