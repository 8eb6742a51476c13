import Link from "next/link";
import { requirePagePermission } from "@/lib/admin-guard";
import { listAuditEntries } from "@/lib/data/audit";
import { AuditFiltersSchema, type AuditFilters } from "@/lib/validations/audit";

export const metadata = { title: "Audit log" };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

function pageHref(filters: AuditFilters, page: number): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, page })) {
    if (value !== undefined && value !== "") query.set(key, String(value));
  }
  return `/admin/audit?${query}`;
}

export default async function AuditPage({ searchParams }: Props) {
  await requirePagePermission("audit.read", "/admin/audit");
  const filters = AuditFiltersSchema.parse(await searchParams);
  const { entries, total, pages } = await listAuditEntries(filters);
  return (
    <>
      <h1>Audit log</h1>
      <form className="filters" method="get">
        <label>
          Actor email <input name="actor" defaultValue={filters.actor} />
        </label>
        <label>
          Entity <input name="entityType" defaultValue={filters.entityType} placeholder="User, Article…" />
        </label>
        <label>
          Action <input name="action" defaultValue={filters.action} placeholder="user.create" />
        </label>
        <label>
          From <input name="from" type="date" defaultValue={filters.from} />
        </label>
        <label>
          To <input name="to" type="date" defaultValue={filters.to} />
        </label>
        <button type="submit">Filter</button>
      </form>
      <p className="meta">{total} entries</p>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">When (UTC)</th>
            <th scope="col">Who</th>
            <th scope="col">Action</th>
            <th scope="col">Object</th>
            <th scope="col">Change</th>
            <th scope="col">IP</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>{entry.createdAt.toISOString().slice(0, 19).replace("T", " ")}</td>
              <td>{entry.actor?.email ?? "system"}</td>
              <td>{entry.action}</td>
              <td>
                {entry.entityType} <code>{entry.entityId}</code>
              </td>
              <td>
                {(entry.before || entry.after) && (
                  <details>
                    <summary>before / after</summary>
                    <pre>{JSON.stringify({ before: entry.before, after: entry.after }, null, 2)}</pre>
                  </details>
                )}
              </td>
              <td>{entry.ip}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav className="pagination" aria-label="Pages">
        {filters.page > 1 && <Link href={pageHref(filters, filters.page - 1)}>Newer</Link>}
        <span>
          Page {Math.min(filters.page, pages)} of {pages}
        </span>
        {filters.page < pages && <Link href={pageHref(filters, filters.page + 1)}>Older</Link>}
      </nav>
    </>
  );
}
