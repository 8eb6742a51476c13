import Link from "next/link";

/** `basePath` for page 1, `basePath?page=n` after it. */
export function archivePageHref(basePath: string, page: number): string {
  return page <= 1 ? basePath : `${basePath}?page=${page}`;
}

export function ArchivePagination({
  basePath,
  page,
  pages,
}: {
  basePath: string;
  page: number;
  pages: number;
}) {
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label="Pages">
      {page > 1 && (
        <Link href={archivePageHref(basePath, page - 1)} rel="prev">
          Newer
        </Link>
      )}
      <span className="meta">
        Page {page} of {pages}
      </span>
      {page < pages && (
        <Link href={archivePageHref(basePath, page + 1)} rel="next">
          Older
        </Link>
      )}
    </nav>
  );
}
