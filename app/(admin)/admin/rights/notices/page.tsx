import Link from "next/link";
import { ColumnHeads } from "@/components/ui/data-table";
import { FilterForm, SelectFilter } from "@/components/ui/list-filters";
import { Pagination } from "@/components/ui/pagination";
import { now } from "@/lib/platform/clock";
import { env } from "@/lib/platform/env";
import { requirePagePermission } from "@/lib/platform/page-guard";
import { isoMinute } from "@/lib/rights/authorizations/status";
import { listNotices } from "@/lib/rights/notices/desk";
import { NOTICE_STATUS_LABELS, NOTICE_STATUSES } from "@/lib/rights/notices/labels";
import { NoticeFiltersSchema } from "@/lib/rights/notices/schema";

export const metadata = { title: "Takedown notices" };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const STATUS_OPTIONS = [
  { value: "OPEN", label: "Open (received or under review)" },
  ...NOTICE_STATUSES.map((status) => ({ value: status, label: NOTICE_STATUS_LABELS[status] })),
];

/** 3 h 20 min, 2 d 5 h: how long a case has waited. */
function duration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  const hours = Math.floor(minutes / 60);
  if (hours >= 24) return `${Math.floor(hours / 24)} d ${hours % 24} h`;
  if (hours >= 1) return `${hours} h ${minutes % 60} min`;
  return `${minutes} min`;
}

export default async function NoticesPage({ searchParams }: Props) {
  await requirePagePermission("notice.read", "/admin/rights/notices");
  const filters = NoticeFiltersSchema.parse(await searchParams);
  const { rows, total, pages, openCount, overdueCount } = await listNotices(filters, now());
  const target = env.NOTICE_TARGET_HOURS;
  return (
    <>
      <h1>Takedown notices</h1>
      <p>
        {openCount} open {openCount === 1 ? "case" : "cases"}
        {overdueCount > 0 && (
          <>
            ,{" "}
            <strong>
              {overdueCount} past the {target} h target
            </strong>
          </>
        )}
        . Rights holders send notices at <Link href="/rights/notice">/rights/notice</Link>.
      </p>
      <FilterForm label="Filter notices">
        <SelectFilter label="Status" name="status" value={filters.status} options={STATUS_OPTIONS} />
        <label className="inline-choice">
          <input name="overdue" type="checkbox" value="1" defaultChecked={filters.overdue} /> Past the{" "}
          {target} h target
        </label>
      </FilterForm>
      <p className="meta">
        {total} {total === 1 ? "case" : "cases"}
      </p>
      <table className="data-table">
        <ColumnHeads
          columns={[
            "Case",
            "Status",
            "Claimant",
            "Work",
            "Articles",
            "Received",
            `Waited (target ${target} h)`,
          ]}
        />
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-testid={`notice-${row.caseNumber}`}>
              <td>
                <Link href={`/admin/rights/notices/${row.id}`}>{row.caseNumber}</Link>
              </td>
              <td>{NOTICE_STATUS_LABELS[row.status]}</td>
              <td>
                {row.claimantName}
                {row.organisation && <div className="meta">{row.organisation}</div>}
              </td>
              <td>{row.workTitle}</td>
              <td>{row.articleCount}</td>
              <td>{isoMinute(row.receivedAt)}</td>
              <td>
                {row.waitedMs === null ? (
                  "Decided"
                ) : row.overdue ? (
                  <strong className="form-error">{duration(row.waitedMs)}: overdue</strong>
                ) : (
                  duration(row.waitedMs)
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p>No notice matches these filters.</p>}
      <Pagination path="/admin/rights/notices" filters={filters} page={filters.page} pages={pages} />
    </>
  );
}
