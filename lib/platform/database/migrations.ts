// Migrations live in prisma/migrations/<timestamp>_<name>/ as `migration.sql` (what
// `prisma migrate deploy` reads) plus `schema.prisma`, the schema that migration leads to,
// so the next migration can be computed by diffing schema texts, with no database involved.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { diffSchemas, withSchemaEngine, type SchemaFile } from "./schema-engine";

export const PRISMA_DIR = path.resolve(process.cwd(), "prisma");
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, "migrations");
export const SCHEMA_PATH = path.join(PRISMA_DIR, "schema.prisma");

export class MigrationError extends Error {
  override name = "MigrationError";
}

export interface MigrationFolder {
  name: string;
  sql: string;
  schema: string | null;
}

export async function listMigrations(dir = MIGRATIONS_DIR): Promise<MigrationFolder[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => ({
      name,
      sql: await readFile(path.join(dir, name, "migration.sql"), "utf8"),
      schema: await readFile(path.join(dir, name, "schema.prisma"), "utf8").catch(() => null),
    })),
  );
}

export async function readCurrentSchema(): Promise<SchemaFile> {
  return { path: "schema.prisma", content: await readFile(SCHEMA_PATH, "utf8") };
}

/** SQL for what `schema.prisma` has that no migration carries yet ("" when up to date). */
export async function pendingSchemaSql(): Promise<string> {
  const migrations = await listMigrations();
  const last = migrations.at(-1);
  if (last && last.schema === null) {
    throw new MigrationError(`Migration ${last.name} has no schema.prisma snapshot beside it.`);
  }
  const from = last?.schema ? { path: "schema.prisma", content: last.schema } : null;
  const sql = await diffSchemas(from, await readCurrentSchema());
  return isEmptyDiff(sql) ? "" : sql;
}

function isEmptyDiff(sql: string): boolean {
  return sql.replace(/--.*$/gm, "").trim() === "";
}

interface MigrationRow {
  migration_name: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
}

async function readMigrationTable(connectionString: string): Promise<MigrationRow[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const exists = await client.query<{ t: string | null }>(
      "select to_regclass('_prisma_migrations')::text as t",
    );
    if (!exists.rows[0]?.t) return [];
    const result = await client.query<MigrationRow>(
      "select migration_name, finished_at, rolled_back_at, logs from _prisma_migrations order by started_at",
    );
    return result.rows;
  } finally {
    await client.end();
  }
}

/** The database's own words from a failed migration's log, e.g. "ERROR: syntax error at …". */
function databaseError(logs: string | null): string {
  const text = logs ?? "";
  return (
    /\bERROR: .*/.exec(text)?.[0] ??
    text.split("\n").find((line) => line.trim() && !/connector error/.test(line)) ??
    "no log"
  );
}

function failedMigrationMessage(row: MigrationRow, when: "now" | "earlier"): string {
  return (
    `Migration ${row.migration_name} ${when === "now" ? "failed" : "failed earlier"} and the database may be ` +
    `half-migrated (${databaseError(row.logs)}). Repair the database by hand, then run ` +
    `npm run db:migrate -- --rolled-back ${row.migration_name}; on a development database, npm run db:reset.`
  );
}

function findFailed(rows: MigrationRow[]): MigrationRow | undefined {
  return rows.find((row) => !row.finished_at && !row.rolled_back_at);
}

/** What `prisma migrate resolve --rolled-back` does: lets a repaired failed migration be retried. */
export async function markRolledBack(connectionString: string, migrationName: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const result = await client.query(
      "update _prisma_migrations set rolled_back_at = now() where migration_name = $1 and finished_at is null and rolled_back_at is null",
      [migrationName],
    );
    if (result.rowCount === 0) throw new MigrationError(`No failed migration named ${migrationName}.`);
  } finally {
    await client.end();
  }
}

/** Migration folders not yet finished in the database, in order. */
function pendingOf(rows: MigrationRow[], folders: Array<{ name: string }>): string[] {
  const finished = new Set(rows.filter((r) => r.finished_at).map((r) => r.migration_name));
  return folders.map((f) => f.name).filter((name) => !finished.has(name));
}

export interface MigrationStatus {
  applied: string[];
  pending: string[];
  failed: string[];
}

export async function migrationStatus(
  connectionString: string,
  dir = MIGRATIONS_DIR,
): Promise<MigrationStatus> {
  const [rows, folders] = await Promise.all([readMigrationTable(connectionString), listMigrations(dir)]);
  return {
    applied: rows.filter((r) => r.finished_at).map((r) => r.migration_name),
    pending: pendingOf(rows, folders),
    failed: rows.filter((r) => !r.finished_at && !r.rolled_back_at).map((r) => r.migration_name),
  };
}

/** Applies pending migrations exactly as `prisma migrate deploy` would; returns their names. */
export async function applyMigrations(connectionString: string, dir = MIGRATIONS_DIR): Promise<string[]> {
  const rows = await readMigrationTable(connectionString);
  const failed = findFailed(rows);
  if (failed) throw new MigrationError(failedMigrationMessage(failed, "earlier"));

  const folders = await listMigrations(dir);
  // Nothing to apply (the usual restart): the schema engine, a large WebAssembly module whose
  // memory stays with the process, is not loaded at all.
  if (pendingOf(rows, folders).length === 0) return [];
  try {
    const { appliedMigrationNames } = await withSchemaEngine(
      connectionString,
      await readCurrentSchema(),
      (engine) =>
        engine.applyMigrations({
          migrationsList: {
            baseDir: dir,
            lockfile: { path: "migration_lock.toml", content: 'provider = "postgresql"' },
            shadowDbInitScript: "",
            migrationDirectories: folders.map((folder) => ({
              path: folder.name,
              migrationFile: { path: "migration.sql", content: { tag: "ok", value: folder.sql } },
            })),
          },
          filters: { externalTables: [], externalEnums: [] },
        }),
    );
    return appliedMigrationNames;
  } catch (error) {
    const nowFailed = findFailed(await readMigrationTable(connectionString));
    if (nowFailed) throw new MigrationError(failedMigrationMessage(nowFailed, "now"));
    throw new MigrationError(`Applying migrations failed: ${errorMessage(error)}`);
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
