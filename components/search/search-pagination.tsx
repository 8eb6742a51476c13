import Link from "next/link";
import { searchHref } from "@/lib/search/query";

export function SearchPagination({
  query,
  tag,
  source,
  page,
  totalPages,
}: {
  query: string;
  tag?: string;
  source?: string;
  page: number;
  totalPages: number;
}) {
  if (totalPages <= 1) return null;
  const href = (p: number) => searchHref({ q: query, tag, source, page: p });
  return (
    <nav className="pagination" aria-label="Search result pages">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev">
          ← Previous
        </Link>
      ) : (
        <span className="meta">← Previous</span>
      )}
      <span className="meta" aria-current="page">
        Page {page} of {totalPages}
      </span>
      {page < totalPages ? (
        <Link href={href(page + 1)} rel="next">
          Next →
        </Link>
      ) : (
        <span className="meta">Next →</span>
      )}
    </nav>
  );
}
