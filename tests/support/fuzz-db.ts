// "Never a partial write", made cheap enough to check after every refused input: a fingerprint of
// every table (its row count and a hash of its rows' versions, so an update shows as well as an
// insert or delete) in one query, plus the list of stored files.
import { readdir } from "node:fs/promises";
import { db } from "@/lib/platform/db";

/**
 * Tables a refused request may write by design, and why. Nothing else may change.
 * - RateLimit: throttles count attempts, including refused ones, before anything else runs.
 */
export const WRITTEN_EVEN_WHEN_REFUSED = new Set(["RateLimit"]);

/**
 * Tables one kind of refusal writes by design, and why: the test allows them for that refusal only.
 * - RightsCheck: a publish or schedule refused over reprint rights (a CONFLICT carrying the
 *   reasons) commits its evaluation, the record of why (lib/articles/workflow.ts).
 */
export const RIGHTS_REFUSAL_RECORDS = ["RightsCheck"];

let fingerprintSql: string | undefined;

async function buildFingerprintSql(): Promise<string> {
  const tables = await db.$queryRaw<Array<{ name: string }>>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name <> '_prisma_migrations'
    order by table_name`;
  const watched = tables.map((t) => t.name).filter((name) => !WRITTEN_EVEN_WHEN_REFUSED.has(name));
  // ctid and xmin change on every insert and update of a row; a delete changes the count.
  return watched
    .map(
      (name) =>
        `select '${name}' as "table", count(*)::int as "rows", ` +
        `md5(coalesce(string_agg(ctid::text || xmin::text, ',' order by ctid), '')) as "hash" from "${name}"`,
    )
    .join(" union all ");
}

export type Fingerprint = Map<string, string>;

/** Every watched table's "rows:hash", and the stored files under `filesRoot` as one entry. */
export async function fingerprint(filesRoot: string): Promise<Fingerprint> {
  fingerprintSql ??= await buildFingerprintSql();
  const rows = await db.$queryRawUnsafe<Array<{ table: string; rows: number; hash: string }>>(fingerprintSql);
  const result: Fingerprint = new Map(rows.map((r) => [r.table, `${r.rows}:${r.hash}`]));
  const files = await readdir(filesRoot, { recursive: true }).catch(() => []);
  result.set("files", [...files].sort().join("\n"));
  return result;
}

/** The tables (or "files") whose fingerprint differs. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter(
    (key) => before.get(key) !== after.get(key),
  );
}
