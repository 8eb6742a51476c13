import Link from "next/link";
import {
  CreatePersonForm,
  MergePeopleForm,
  PersonRowActions,
} from "@/components/admin/taxonomy/person-forms";
import { requirePagePermission } from "@/lib/admin-guard";
import { listPeople, personOptions } from "@/lib/taxonomy/people";
import { PersonListFiltersSchema, type PersonListFiltersInput } from "@/lib/validations/taxonomy";

export const metadata = { title: "People" };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

function href(filters: PersonListFiltersInput, changes: Partial<PersonListFiltersInput>, hash = ""): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...changes })) {
    if (value !== undefined && value !== "" && !(key === "page" && value === 1))
      query.set(key, String(value));
  }
  return `/admin/people?${query}${hash}`;
}

export default async function PeoplePage({ searchParams }: Props) {
  await requirePagePermission("person.manage", "/admin/people");
  const filters = PersonListFiltersSchema.parse(await searchParams);
  const [{ people, total, pages }, options] = await Promise.all([listPeople(filters), personOptions()]);
  return (
    <>
      <h1>People</h1>
      <p className="meta">Authors and translators named on bylines (not staff logins).</p>
      <form className="filters" method="get">
        <label>
          Text <input name="q" defaultValue={filters.q} />
        </label>
        <button type="submit">Filter</button>
      </form>
      <p className="meta">
        {total} {total === 1 ? "person" : "people"}
      </p>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Address</th>
            <th scope="col">Articles</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
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
                {person.articleCount > 0 ? (
                  <Link href={`/admin/articles?author=${person.id}`}>{person.articleCount}</Link>
                ) : (
                  0
                )}
              </td>
              <td>
                <PersonRowActions
                  person={person}
                  articleCount={person.articleCount}
                  mergeHref={href(filters, { merge: person.id }, "#merge")}
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
