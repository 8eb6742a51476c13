import Link from "next/link";
import { ColumnHeads } from "@/components/ui/data-table";
import { FilterForm, TextFilter } from "@/components/ui/list-filters";
import { Pagination } from "@/components/ui/pagination";
import { requirePagePermission } from "@/lib/platform/page-guard";
import { listAuditEntries } from "@/lib/platform/audit/list";
import { AuditFiltersSchema } from "@/lib/platform/audit/filters";

export const metadata = { title: "Audit log" };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function AuditPage({ searchParams }: Props) {
  await requirePagePermission("audit.read", "/admin/audit");
  const filters = AuditFiltersSchema.parse(await searchParams);
  const { entries, total, pages } = await listAuditEntries(filters);
  return (
    <>
      <h1>Audit log</h1>
      <FilterForm>
        <TextFilter label="Actor email" name="actor" value={filters.actor} />
        <TextFilter
          label="Entity"
          name="entityType"
          value={filters.entityType}
          placeholder="User, Article…"
        />
        <TextFilter label="Action" name="action" value={filters.action} placeholder="user.create" />
        <TextFilter label="From" name="from" type="date" value={filters.from} />
        <TextFilter label="To" name="to" type="date" value={filters.to} />
      </FilterForm>
      <p className="meta">{total} entries</p>
      <table className="data-table">
        <ColumnHeads columns={["When (UTC)", "Who", "Action", "Object", "Change", "IP"]} />
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>{entry.createdAt.toISOString().slice(0, 19).replace("T", " ")}</td>
              <td title={entry.actor?.email}>{entry.actor?.name ?? "System"}</td>
              <td>{entry.action}</td>
              <td>
                <span className="meta">{entry.entityType}</span>{" "}
                {entry.object ? (
                  entry.object.href ? (
                    <Link href={entry.object.href}>{entry.object.label}</Link>
                  ) : (
                    entry.object.label
                  )
                ) : (
                  <code>{entry.entityId}</code>
                )}
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
      <Pagination
        path="/admin/audit"
        filters={filters}
        page={filters.page}
        pages={pages}
        previousLabel="Newer"
        nextLabel="Older"
      />
    </>
  );
}
