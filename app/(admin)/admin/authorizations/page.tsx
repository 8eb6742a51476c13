import Link from "next/link";
import { ColumnHeads, CountLink } from "@/components/ui/data-table";
import { FilterForm, SelectFilter } from "@/components/ui/list-filters";
import { hrefWith, Pagination } from "@/components/ui/pagination";
import { requirePagePermission } from "@/lib/platform/page-guard";
import {
  DERIVED_STATUS_LABELS,
  DERIVED_STATUSES,
  isoDate,
  SCOPE_LABELS,
} from "@/lib/rights/authorizations/status";
import { now } from "@/lib/platform/clock";
import { listAuthorizations, sourceOptions } from "@/lib/rights/authorizations/list";
import { can } from "@/lib/platform/permissions";
import { AuthorizationFiltersSchema } from "@/lib/rights/authorizations/schema";

export const metadata = { title: "Reprint authorizations" };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const STATUS_OPTIONS = DERIVED_STATUSES.map((status) => ({
  value: status,
  label: DERIVED_STATUS_LABELS[status],
}));

export default async function AuthorizationsPage({ searchParams }: Props) {
  const user = await requirePagePermission("authorization.read", "/admin/authorizations");
  const filters = AuthorizationFiltersSchema.parse(await searchParams);
  const at = now();
  const [{ authorizations, total, pages }, sources] = await Promise.all([
    listAuthorizations(filters, at),
    sourceOptions(),
  ]);
  const exportHref = (what: string) =>
    hrefWith("/admin/authorizations/export", { ...filters, page: undefined, what });
  return (
    <>
      <h1>Reprint authorizations</h1>
      <p>
        {can(user, "authorization.request") && (
          <>
            <Link href="/admin/authorizations/new">Record a request</Link> ·{" "}
          </>
        )}
        {can(user, "authorization.manage") && (
          <>
            <Link href="/admin/authorizations/record">Record an authorization already granted</Link> ·{" "}
          </>
        )}
        <a href={exportHref("authorizations")} download>
          Export authorizations (CSV)
        </a>{" "}
        ·{" "}
        <a href={exportHref("articles")} download>
          Export covered articles (CSV)
        </a>
      </p>
      <FilterForm label="Filter authorizations">
        <SelectFilter label="Status" name="status" value={filters.status} options={STATUS_OPTIONS} />
        <SelectFilter
          label="Source"
          name="source"
          value={filters.source}
          options={sources.map((source) => ({ value: source.id, label: source.name }))}
        />
        <label>
          Ending before
          <input name="endingBefore" type="date" defaultValue={filters.endingBefore ?? ""} />
        </label>
        <label className="inline-choice">
          <input name="withoutEvidence" type="checkbox" value="1" defaultChecked={filters.withoutEvidence} />{" "}
          Without evidence
        </label>
        <label className="inline-choice">
          <input
            name="lapsedWithArticles"
            type="checkbox"
            value="1"
            defaultChecked={filters.lapsedWithArticles}
          />{" "}
          Lapsed or revoked, with articles
        </label>
      </FilterForm>
      <p className="meta">
        {total} {total === 1 ? "authorization" : "authorizations"}
      </p>
      <table className="data-table">
        <ColumnHeads columns={["Source", "Scope", "Status", "Validity", "Evidence", "Articles covered"]} />
        <tbody>
          {authorizations.map((a) => (
            <tr key={a.id} data-testid={`authorization-${a.id}`}>
              <td>
                <Link href={`/admin/authorizations/${a.id}`}>{a.source.name}</Link>
                {a.renewsId && <div className="meta">Renewal</div>}
              </td>
              <td>
                {SCOPE_LABELS[a.scope]}
                {a.scope === "ARTICLE" && a.scopeUrl && <div className="meta">{a.scopeUrl}</div>}
                {a.scope === "AUTHOR" && a.scopeAuthorName && <div className="meta">{a.scopeAuthorName}</div>}
              </td>
              <td>{DERIVED_STATUS_LABELS[a.derived]}</td>
              <td>
                {isoDate(a.validFrom)} – {a.validUntil ? isoDate(a.validUntil) : "no end"}
              </td>
              <td>{a.evidenceCount}</td>
              <td>
                <CountLink count={a.articleCount} href={`/admin/authorizations/${a.id}#covered`} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {authorizations.length === 0 && <p>No authorization matches these filters.</p>}
      <Pagination path="/admin/authorizations" filters={filters} page={filters.page} pages={pages} />
    </>
  );
}
