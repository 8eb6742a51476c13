// Paging for the admin lists, whose filters live in the query string: the links keep the filters
// and change only the page.
import Link from "next/link";

export type QueryValue = string | number | boolean | null | undefined;

/**
 * `path` with `params` as its query string, then `hash`. Empty values, false and page 1 (the
 * default) are left out; true is written "1".
 */
export function hrefWith(path: string, params: Record<string, QueryValue>, hash = ""): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "" || value === false) continue;
    if (key === "page" && value === 1) continue;
    query.set(key, value === true ? "1" : String(value));
  }
  const search = query.toString();
  return `${path}${search ? `?${search}` : ""}${hash}`;
}

/** "Page n of m" between links to the page before and the page after, when there are such. */
export function Pagination({
  path,
  filters,
  page,
  pages,
  previousLabel = "Previous",
  nextLabel = "Next",
}: {
  path: string;
  filters: Record<string, QueryValue>;
  page: number;
  pages: number;
  previousLabel?: string;
  nextLabel?: string;
}) {
  return (
    <nav className="pagination" aria-label="Pages">
      {page > 1 && <Link href={hrefWith(path, { ...filters, page: page - 1 })}>{previousLabel}</Link>}
      <span>
        Page {Math.min(page, pages)} of {pages}
      </span>
      {page < pages && <Link href={hrefWith(path, { ...filters, page: page + 1 })}>{nextLabel}</Link>}
    </nav>
  );
}
