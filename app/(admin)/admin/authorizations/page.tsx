import Link from "next/link";
import { requirePagePermission } from "@/lib/admin-guard";
import { DERIVED_STATUS_LABELS, DERIVED_STATUSES, isoDate, SCOPE_LABELS } from "@/lib/authorizations/status";
import { now } from "@/lib/clock";
import { listAuthorizations, sourceOptions } from "@/lib/data/authorizations";
import { can } from "@/lib/permissions";
import { AuthorizationFiltersSchema, type AuthorizationFilters } from "@/lib/validations/authorization";

export const metadata = { title: "Reprint authorizations" };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

function query(
  filters: AuthorizationFilters,
  changes: Record<string, string | number | boolean | undefined>,
) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...changes })) {
    if (value === undefined || value === false || value === "" || (key === "page" && value === 1)) continue;
    params.set(key, value === true ? "1" : String(value));
  }
  return params.toString();
}

export default async function AuthorizationsPage({ searchParams }: Props) {
  const user = await requirePagePermission("authorization.read", "/admin/authorizations");
  const filters = AuthorizationFiltersSchema.parse(await searchParams);
  const at = now();
  const [{ authorizations, total, pages }, sources] = await Promise.all([
    listAuthorizations(filters, at),
    sourceOptions(),
  ]);
  const exportQuery = (what: string) => query(filters, { page: undefined, what });
  return (
    <>
      <h1>Reprint authorizations</h1>
      <p>
        {can(user, "authorization.request") && (
          <>
            <Link href="/admin/authorizations/new">Record a request</Link> ·{" "}
          </>
        )}
        <a href={`/admin/authorizations/export?${exportQuery("authorizations")}`} download>
          Export authorizations (CSV)
        </a>{" "}
        ·{" "}
        <a href={`/admin/authorizations/export?${exportQuery("articles")}`} download>
          Export covered articles (CSV)
        </a>
      </p>
      <form className="filters" method="get" aria-label="Filter authorizations">
        <label>
          Status
          <select name="status" defaultValue={filters.status ?? ""}>
            <option value="">Any</option>
            {DERIVED_STATUSES.map((status) => (
              <option key={status} value={status}>
                {DERIVED_STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Source
          <select name="source" defaultValue={filters.source ?? ""}>
            <option value="">Any</option>
            {sources.map((source) => (
              <option key={source.id} value={source.id}>
                {source.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Ending before
          <input name="endingBefore" type="date" defaultValue={filters.endingBefore ?? ""} />
        </label>
        <label className="inline-choice">
          <input name="withoutEvidence" type="checkbox" value="1" defaultChecked={filters.withoutEvidence} />{" "}
          Without evidence
        </label>
        <button type="submit">Filter</button>
      </form>
      <p className="meta">
        {total} {total === 1 ? "authorization" : "authorizations"}
      </p>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Source</th>
            <th scope="col">Scope</th>
            <th scope="col">Status</th>
            <th scope="col">Validity</th>
            <th scope="col">Evidence</th>
            <th scope="col">Articles covered</th>
          </tr>
        </thead>
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
                {a.articleCount > 0 ? (
                  <Link href={`/admin/authorizations/${a.id}#covered`}>{a.articleCount}</Link>
                ) : (
                  0
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {authorizations.length === 0 && <p>No authorization matches these filters.</p>}
      <nav className="pagination" aria-label="Pages">
        {filters.page > 1 && (
          <Link href={`/admin/authorizations?${query(filters, { page: filters.page - 1 })}`}>Previous</Link>
        )}
        <span>
          Page {Math.min(filters.page, pages)} of {pages}
        </span>
        {filters.page < pages && (
          <Link href={`/admin/authorizations?${query(filters, { page: filters.page + 1 })}`}>Next</Link>
        )}
      </nav>
    </>
  );
}
