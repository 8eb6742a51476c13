import Link from "next/link";
import { ArticleTable } from "@/components/admin/articles/article-table";
import { requirePagePermission } from "@/lib/admin-guard";
import { listArticlesForDesk } from "@/lib/data/admin-articles";
import { editorOptions } from "@/lib/data/editor";
import { can } from "@/lib/permissions";
import { ArticleListFiltersSchema, type ArticleListFilters } from "@/lib/validations/article";

export const metadata = { title: "Articles" };

function pageHref(filters: ArticleListFilters, page: number) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, page })) if (value) query.set(key, String(value));
  return `/admin/articles?${query}`;
}

export default async function ArticlesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const user = await requirePagePermission("article.editOwn", "/admin/articles");
  const filters = ArticleListFiltersSchema.parse(await searchParams);
  const [{ articles, total, pages }, options] = await Promise.all([
    listArticlesForDesk(user, filters),
    editorOptions(),
  ]);
  return (
    <>
      <h1>Articles</h1>
      <p>
        <Link href="/admin/articles/new">New article</Link> ·{" "}
        <Link href="/admin/articles/import">New from pasted text</Link>
      </p>
      <form className="filters" method="get">
        <label>
          Text <input name="q" defaultValue={filters.q} />
        </label>
        <label>
          Status
          <select name="status" defaultValue={filters.status ?? ""}>
            <option value="">Any</option>
            {["DRAFT", "IN_REVIEW", "SCHEDULED", "PUBLISHED", "ARCHIVED"].map((s) => (
              <option key={s} value={s}>
                {s.replace("_", " ").toLowerCase()}
              </option>
            ))}
          </select>
        </label>
        <label>
          Kind
          <select name="kind" defaultValue={filters.kind ?? ""}>
            <option value="">Any</option>
            <option value="ORIGINAL">Our own</option>
            <option value="REPRINT">Reprint</option>
          </select>
        </label>
        <label>
          Tag
          <select name="tag" defaultValue={filters.tag ?? ""}>
            <option value="">Any</option>
            {options.tags.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Source
          <select name="source" defaultValue={filters.source ?? ""}>
            <option value="">Any</option>
            {options.sources.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Author
          <select name="author" defaultValue={filters.author ?? ""}>
            <option value="">Any</option>
            {options.people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Sort
          <select name="sort" defaultValue={filters.sort}>
            <option value="updated">Last updated</option>
            <option value="published">Publish date</option>
            <option value="title">Title</option>
          </select>
        </label>
        <button type="submit">Filter</button>
      </form>
      <p className="meta">{total} articles</p>
      <ArticleTable
        canArchive={can(user, "article.archive")}
        rows={articles.map((a) => ({
          id: a.id,
          title: a.title,
          status: a.status,
          kind: a.kind,
          source: a.source?.name ?? null,
          createdBy: a.createdBy?.name ?? null,
          updatedAt: a.updatedAt.toISOString(),
          publishedAt: a.publishedAt?.toISOString() ?? null,
          withdrawn: a.withdrawnAt !== null,
        }))}
      />
      <nav className="pagination" aria-label="Pages">
        {filters.page > 1 && <Link href={pageHref(filters, filters.page - 1)}>Previous</Link>}
        <span>
          Page {Math.min(filters.page, pages)} of {pages}
        </span>
        {filters.page < pages && <Link href={pageHref(filters, filters.page + 1)}>Next</Link>}
      </nav>
    </>
  );
}
