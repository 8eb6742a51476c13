// Prepared statements for the few raw queries hot enough to want them. PostgreSQL plans a query
// each time it is sent unnamed; for a query like the comment post's read (the public-article
// rule, the email's history, the thread) planning takes about a millisecond and running it a
// fifth of one. A query wrapped in `preparedSql` is sent as a named statement instead: parsed once
// per connection, then only bound and run, and after a few runs PostgreSQL keeps its plan.
//
// Not on the embedded database (db.ts leaves it out there): its clients all share one PGlite
// session, where a statement one client prepared would already exist when another prepares it.
import { createHash } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";

const MARK = "/* prepared */";

/**
 * Marks `sql` to be prepared once per connection. Its text must be the same on every call (values
 * only as parameters), or each variant becomes a statement of its own on every connection.
 */
export function preparedSql(sql: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`${Prisma.raw(MARK)} ${sql}`;
}

const names = new Map<string, string>();

/**
 * The driver adapter's statement name for `query`: a name derived from the text for a marked
 * query, "" (an unnamed statement) for any other.
 */
export function preparedStatementName(query: { sql: string }): string {
  if (!query.sql.startsWith(MARK)) return "";
  let name = names.get(query.sql);
  if (name === undefined) {
    name = `prepared_${createHash("sha256").update(query.sql).digest("base64url").slice(0, 32)}`;
    names.set(query.sql, name);
  }
  return name;
}
