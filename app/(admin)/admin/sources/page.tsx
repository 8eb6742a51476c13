import Link from "next/link";
import { SOURCE_KIND_LABELS } from "@/lib/sources/fields";
import { ColumnHeads, CountLink } from "@/components/ui/data-table";
import { FilterForm, SelectFilter, TextFilter } from "@/components/ui/list-filters";
import { Pagination } from "@/components/ui/pagination";
import { requirePagePermission } from "@/lib/platform/page-guard";
import { listSources, type AuthorizationCounts } from "@/lib/sources/list";
import { can } from "@/lib/platform/permissions";
import { SOURCE_KINDS } from "@/lib/sources/fields";
import { SourceListFiltersSchema } from "@/lib/sources/schema";

export const metadata = { title: "Sources" };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const KIND_OPTIONS = SOURCE_KINDS.map((kind) => ({ value: kind, label: SOURCE_KIND_LABELS[kind] }));

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
      <FilterForm>
        <TextFilter label="Text" name="q" value={filters.q} />
        <SelectFilter label="Kind" name="kind" value={filters.kind} options={KIND_OPTIONS} />
      </FilterForm>
      <p className="meta">
        {total} {total === 1 ? "source" : "sources"}
      </p>
      <table className="data-table">
        <ColumnHeads columns={["Name", "Kind", "Authorizations", "Articles"]} />
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
                <CountLink count={source.articleCount} href={`/admin/articles?source=${source.id}`} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination path="/admin/sources" filters={filters} page={filters.page} pages={pages} />
    </>
  );
}
