import Link from "next/link";
import { ArticleTable } from "@/components/admin/articles/article-table";
import { FilterForm, SelectFilter, TextFilter } from "@/components/ui/list-filters";
import { Pagination } from "@/components/ui/pagination";
import { requirePagePermission } from "@/lib/platform/page-guard";
import { listArticlesForDesk } from "@/lib/articles/desk-list";
import { editorOptions } from "@/lib/articles/editor-load";
import { can } from "@/lib/platform/permissions";
import { ArticleListFiltersSchema } from "@/lib/articles/schema";

export const metadata = { title: "Articles" };

const STATUS_OPTIONS = ["DRAFT", "IN_REVIEW", "SCHEDULED", "PUBLISHED", "ARCHIVED"].map((s) => ({
  value: s,
  label: s.replace("_", " ").toLowerCase(),
}));
const KIND_OPTIONS = [
  { value: "ORIGINAL", label: "Our own" },
  { value: "REPRINT", label: "Reprint" },
];
const byName = (options: Array<{ id: string; name: string }>) =>
  options.map((option) => ({ value: option.id, label: option.name }));

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
      <FilterForm>
        <TextFilter label="Text" name="q" value={filters.q} />
        <SelectFilter label="Status" name="status" value={filters.status} options={STATUS_OPTIONS} />
        <SelectFilter label="Kind" name="kind" value={filters.kind} options={KIND_OPTIONS} />
        <SelectFilter label="Tag" name="tag" value={filters.tag} options={byName(options.tags)} />
        <SelectFilter label="Source" name="source" value={filters.source} options={byName(options.sources)} />
        <SelectFilter label="Author" name="author" value={filters.author} options={byName(options.people)} />
        <label>
          Sort
          <select name="sort" defaultValue={filters.sort}>
            <option value="updated">Last updated</option>
            <option value="published">Publish date</option>
            <option value="title">Title</option>
          </select>
        </label>
      </FilterForm>
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
      <Pagination path="/admin/articles" filters={filters} page={filters.page} pages={pages} />
    </>
  );
}
