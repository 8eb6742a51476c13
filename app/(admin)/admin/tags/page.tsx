import Link from "next/link";
import { CreateTagForm, MergeTagsForm, TagRowActions } from "@/components/admin/taxonomy/tag-forms";
import { requirePagePermission } from "@/lib/admin-guard";
import { TAG_KIND_LABELS, TAG_KINDS } from "@/lib/taxonomy/kinds";
import { listTags, tagOptions } from "@/lib/taxonomy/tags";
import { TagListFiltersSchema, type TagListFiltersInput } from "@/lib/validations/taxonomy";

export const metadata = { title: "Tags" };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

function href(filters: TagListFiltersInput, changes: Partial<TagListFiltersInput>, hash = ""): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...changes })) {
    if (value !== undefined && value !== "" && !(key === "page" && value === 1))
      query.set(key, String(value));
  }
  return `/admin/tags?${query}${hash}`;
}

export default async function TagsPage({ searchParams }: Props) {
  await requirePagePermission("tag.manage", "/admin/tags");
  const filters = TagListFiltersSchema.parse(await searchParams);
  const [{ tags, total, pages }, options] = await Promise.all([listTags(filters), tagOptions()]);
  return (
    <>
      <h1>Tags</h1>
      <form className="filters" method="get">
        <label>
          Text <input name="q" defaultValue={filters.q} />
        </label>
        <label>
          Kind
          <select name="kind" defaultValue={filters.kind ?? ""}>
            <option value="">Any</option>
            {TAG_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {TAG_KIND_LABELS[kind]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Filter</button>
      </form>
      <p className="meta">
        {total} {total === 1 ? "tag" : "tags"}
      </p>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">Address</th>
            <th scope="col">Articles</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {tags.map((tag) => (
            <tr key={tag.id} data-testid={`tag-${tag.slug}`}>
              <td>
                {tag.name}
                {tag.description && <div className="meta">{tag.description}</div>}
              </td>
              <td>{TAG_KIND_LABELS[tag.kind]}</td>
              <td>
                <code>/tags/{tag.slug}</code>
                {tag.oldSlugs.length > 0 && (
                  <div className="meta">
                    Also answers {tag.oldSlugs.map((slug) => `/tags/${slug}`).join(", ")}
                  </div>
                )}
              </td>
              <td>
                {tag.articleCount > 0 ? (
                  <Link href={`/admin/articles?tag=${tag.id}`}>{tag.articleCount}</Link>
                ) : (
                  0
                )}
              </td>
              <td>
                <TagRowActions
                  tag={tag}
                  articleCount={tag.articleCount}
                  mergeHref={href(filters, { merge: tag.id }, "#merge")}
                />
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
      <h2 id="merge">Merge tags</h2>
      <p className="meta">
        For duplicates such as “Taiwan” and “台湾”: the articles of the first move to the second.
      </p>
      <MergeTagsForm key={filters.merge ?? ""} tags={options} defaultSourceId={filters.merge} />
      <h2>Add a tag</h2>
      <CreateTagForm />
    </>
  );
}
