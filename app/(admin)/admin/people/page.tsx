import {
  CreatePersonForm,
  MergePeopleForm,
  PersonRowActions,
} from "@/components/admin/taxonomy/person-forms";
import { ColumnHeads, CountLink } from "@/components/ui/data-table";
import { FilterForm, TextFilter } from "@/components/ui/list-filters";
import { hrefWith, Pagination } from "@/components/ui/pagination";
import { requirePagePermission } from "@/lib/platform/page-guard";
import { listPeople, personOptions } from "@/lib/taxonomy/people";
import { PersonListFiltersSchema } from "@/lib/taxonomy/schema";

export const metadata = { title: "People" };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function PeoplePage({ searchParams }: Props) {
  await requirePagePermission("person.manage", "/admin/people");
  const filters = PersonListFiltersSchema.parse(await searchParams);
  const [{ people, total, pages }, options] = await Promise.all([listPeople(filters), personOptions()]);
  return (
    <>
      <h1>People</h1>
      <p className="meta">Authors and translators named on bylines (not staff logins).</p>
      <FilterForm>
        <TextFilter label="Text" name="q" value={filters.q} />
      </FilterForm>
      <p className="meta">
        {total} {total === 1 ? "person" : "people"}
      </p>
      <table className="data-table">
        <ColumnHeads columns={["Name", "Address", "Articles", "Actions"]} />
        <tbody>
          {people.map((person) => (
            <tr key={person.id} data-testid={`person-${person.slug}`}>
              <td>
                {person.name}
                {person.nativeName && <span> {person.nativeName}</span>}
                {person.bio && <div className="meta">{person.bio}</div>}
              </td>
              <td>
                <code>/authors/{person.slug}</code>
                {person.oldSlugs.length > 0 && (
                  <div className="meta">
                    Also answers {person.oldSlugs.map((slug) => `/authors/${slug}`).join(", ")}
                  </div>
                )}
              </td>
              <td>
                <CountLink count={person.articleCount} href={`/admin/articles?author=${person.id}`} />
              </td>
              <td>
                <PersonRowActions
                  person={person}
                  articleCount={person.articleCount}
                  mergeHref={hrefWith("/admin/people", { ...filters, merge: person.id }, "#merge")}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination path="/admin/people" filters={filters} page={filters.page} pages={pages} />
      <h2 id="merge">Merge people</h2>
      <p className="meta">
        For one person on file twice: the bylines of the first go to the second, in the same roles.
      </p>
      <MergePeopleForm key={filters.merge ?? ""} people={options} defaultSourceId={filters.merge} />
      <h2>Add a person</h2>
      <CreatePersonForm />
    </>
  );
}
