import { CreateTagForm, MergeTagsForm, TagRowActions } from "@/components/admin/taxonomy/tag-forms";
import { ColumnHeads, CountLink } from "@/components/ui/data-table";
import { FilterForm, SelectFilter, TextFilter } from "@/components/ui/list-filters";
import { hrefWith, Pagination } from "@/components/ui/pagination";
import { requirePagePermission } from "@/lib/platform/page-guard";
import { TAG_KIND_LABELS, TAG_KINDS } from "@/lib/taxonomy/kinds";
import { listTags, tagOptions } from "@/lib/taxonomy/tags";
import { TagListFiltersSchema } from "@/lib/taxonomy/schema";

export const metadata = { title: "Tags" };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const KIND_OPTIONS = TAG_KINDS.map((kind) => ({ value: kind, label: TAG_KIND_LABELS[kind] }));

export default async function TagsPage({ searchParams }: Props) {
  await requirePagePermission("tag.manage", "/admin/tags");
  const filters = TagListFiltersSchema.parse(await searchParams);
  const [{ tags, total, pages }, options] = await Promise.all([listTags(filters), tagOptions()]);
  return (
    <>
      <h1>Tags</h1>
      <FilterForm>
        <TextFilter label="Text" name="q" value={filters.q} />
        <SelectFilter label="Kind" name="kind" value={filters.kind} options={KIND_OPTIONS} />
      </FilterForm>
      <p className="meta">
        {total} {total === 1 ? "tag" : "tags"}
      </p>
      <table className="data-table">
        <ColumnHeads columns={["Name", "Kind", "Address", "Articles", "Actions"]} />
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
                <CountLink count={tag.articleCount} href={`/admin/articles?tag=${tag.id}`} />
              </td>
              <td>
                <TagRowActions
                  tag={tag}
                  articleCount={tag.articleCount}
                  mergeHref={hrefWith("/admin/tags", { ...filters, merge: tag.id }, "#merge")}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination path="/admin/tags" filters={filters} page={filters.page} pages={pages} />
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
