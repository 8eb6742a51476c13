// Pieces of the admin lists' tables (className "data-table").
import Link from "next/link";
import type { ReactNode } from "react";

/** The header row: one column heading per entry; a `false` entry is a column left out. */
export function ColumnHeads({ columns }: { columns: Array<ReactNode | false> }) {
  return (
    <thead>
      <tr>
        {columns.map(
          (column, index) =>
            column !== false && (
              <th key={index} scope="col">
                {column}
              </th>
            ),
        )}
      </tr>
    </thead>
  );
}

/** A count that links to what it counts; zero links nowhere. */
export function CountLink({ count, href }: { count: number; href: string }) {
  return count > 0 ? <Link href={href}>{count}</Link> : <>0</>;
}
