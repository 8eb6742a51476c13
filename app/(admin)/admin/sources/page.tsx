import Link from "next/link";
import { SOURCE_KIND_LABELS } from "@/components/article/source-line";
import { requirePagePermission } from "@/lib/admin-guard";
import { listSources, type AuthorizationCounts } from "@/lib/data/sources";
import { can } from "@/lib/permissions";
import { SOURCE_KINDS } from "@/lib/sources/fields";
import { SourceListFiltersSchema, type SourceListFilters } from "@/lib/validations/source";

export const metadata = { title: "Sources" };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

function href(filters: SourceListFilters, changes: Partial<SourceListFilters>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...changes })) {
    if (value !== undefined && value !== "" && !(key === "page" && value === 1))
      query.set(key, String(value));
  }
  const search = query.toString();
  return search ? `/admin/sources?${search}` : "/admin/sources";
}

function AuthorizationSummary({ counts }: { counts: AuthorizationCounts }) {
  if (counts.total === 0) return <span className="meta">None</span>;
  const others = counts.total - counts.granted - counts.requested - counts.expired;
  return (
    <>
      {counts.granted} granted · {counts.requested} requested
      {(counts.expired > 0 || others > 0) && (
        <div className="meta">
          {[
            counts.expired > 0 ? `${counts.expired} expired` : null,
            others > 0 ? `${others} denied or revoked` : null,
          ]
            .filter(Boolean)
            .join(" · ")}
        </div>
      )}
    </>
  );
}

export default async function SourcesPage({ searchParams }: Props) {
  const user = await requirePagePermission("source.read", "/admin/sources");
  const filters = SourceListFiltersSchema.parse(await searchParams);
  const { sources, total, pages } = await listSources(filters);
  return (
    <>
      <h1>Sources</h1>
      <p className="meta">The rights holders whose work we reprint, and their reprint authorizations.</p>
      {can(user, "source.manage") && (
        <p>
          <Link href="/admin/sources/new">New source</Link>
        </p>
      )}
      <form className="filters" method="get">
        <label>
          Text <input name="q" defaultValue={filters.q} />
        </label>
        <label>
          Kind
          <select name="kind" defaultValue={filters.kind ?? ""}>
            <option value="">Any</option>
            {SOURCE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {SOURCE_KIND_LABELS[kind]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Filter</button>
      </form>
      <p className="meta">
        {total} {total === 1 ? "source" : "sources"}
      </p>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">Authorizations</th>
            <th scope="col">Articles</th>
          </tr>
        </thead>
        <tbody>
          {sources.map((source) => (
            <tr key={source.id} data-testid={`source-${source.slug}`}>
              <td>
                <Link href={`/admin/sources/${source.id}`}>{source.name}</Link>
                {source.platformId && <div className="meta">{source.platformId}</div>}
              </td>
              <td>{SOURCE_KIND_LABELS[source.kind]}</td>
              <td>
                <AuthorizationSummary counts={source.authorizations} />
              </td>
              <td>
                {source.articleCount > 0 ? (
                  <Link href={`/admin/articles?source=${source.id}`}>{source.articleCount}</Link>
                ) : (
                  0
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav className="pagination" aria-label="Pages">
        {filters.page > 1 && <Link href={href(filters, { page: filters.page - 1 })}>Previous</Link>}
        <span>
          Page {Math.min(filters.page, pages)} of {pages}
        </span>
        {filters.page < pages && <Link href={href(filters, { page: filters.page + 1 })}>Next</Link>}
      </nav>
    </>
  );
}
