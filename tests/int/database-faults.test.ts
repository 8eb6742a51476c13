// What happens when the database is not there or a migration breaks: one clear line, quickly,
// and a failed migration is recorded and then refused rather than retried blindly.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startEmbeddedDatabase } from "@/lib/platform/database/embedded";
import { applyMigrations, markRolledBack, MigrationError } from "@/lib/platform/database/migrations";
import { assertReachable, DatabaseUnreachableError } from "@/lib/platform/database/open";
import { adminQuery } from "../support/int-global-setup";
import { withDatabase } from "../support/test-database-url";

/** Nothing listens on port 1: connections are refused at once. */
const UNREACHABLE_URL = "postgresql://postgres@127.0.0.1:1/crosscurrent";
const TEN_SECONDS = 10_000;

const temporaryDirs: string[] = [];

async function temporaryDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  temporaryDirs.push(dir);
  return dir;
}

afterAll(async () => {
  await Promise.all(temporaryDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

function stackTraceLines(text: string): string[] {
  return text.split("\n").filter((line) => /^\s+at /.test(line));
}

// ─── Unreachable database ────────────────────────────────────────────────────

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail("expected the promise to reject"),
    (error: unknown) => error,
  );
}

interface LauncherRun {
  /** Exit code, or null when it was killed for running too long. */
  code: number | null;
  stdout: string;
  stderr: string;
  elapsedMs: number;
}

/** Runs `scripts/serve.ts start` as `npm start` does; kills it (and its children) after `timeoutMs`. */
function runLauncher(env: Record<string, string>, timeoutMs: number): Promise<LauncherRun> {
  const started = Date.now();
  const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/serve.ts", "start"], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group, so a timeout can stop tsx's child too
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const killer = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), timeoutMs);
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(killer);
      resolve({ code, stdout, stderr, elapsedMs: Date.now() - started });
    });
  });
}

describe("an unreachable database", () => {
  it("fails assertReachable within 10 s with one line naming the host and port", async () => {
    const started = Date.now();
    const error = await rejectionOf(assertReachable(UNREACHABLE_URL));
    expect(Date.now() - started).toBeLessThan(TEN_SECONDS);
    expect(error).toBeInstanceOf(DatabaseUnreachableError);
    const message = (error as Error).message;
    expect(message).not.toContain("\n");
    expect(message).toMatch(
      /^Cannot reach PostgreSQL at 127\.0\.0\.1:1 \(ECONNREFUSED\)\. Check DATABASE_URL/,
    );
  });

  it("makes the launcher exit 1 within 10 s with one line on stderr and no stack trace", async () => {
    const run = await runLauncher(
      { DATABASE_URL: UNREACHABLE_URL, DATA_DIR: await temporaryDir("crosscurrent-faults-") },
      TEN_SECONDS,
    );
    const output = `--- stdout ---\n${run.stdout}\n--- stderr ---\n${run.stderr}`;
    expect(run.code, output).toBe(1);
    expect(run.elapsedMs).toBeLessThan(TEN_SECONDS);
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines, output).toHaveLength(1);
    expect(lines[0]).toMatch(/^Cannot reach PostgreSQL at 127\.0\.0\.1:1 \(ECONNREFUSED\)\./);
    expect(stackTraceLines(run.stderr + run.stdout)).toEqual([]);
  });
});

// ─── A failing migration ─────────────────────────────────────────────────────

const GOOD = "20200101000000_ok";
const BAD = "20200102000000_bad";
const AFTER_FAILURE = "20200103000000_after_failure";

async function writeMigration(dir: string, name: string, sql: string) {
  await mkdir(path.join(dir, name), { recursive: true });
  await writeFile(path.join(dir, name, "migration.sql"), sql);
}

interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * An empty database of its own: a new database on the test PostgreSQL server, or, without one,
 * a fresh in-memory embedded database. (The server is found through the template database
 * int-global-setup provides: by now DATABASE_URL points at this file's own database, and in
 * embedded mode at PGlite, so testServerUrl() can no longer tell the two modes apart.)
 */
async function scratchDatabase(): Promise<ScratchDatabase> {
  const templateUrl = inject("templateDatabaseUrl");
  if (!templateUrl) {
    const embedded = await startEmbeddedDatabase({ dataDir: null });
    return { url: embedded.url, drop: () => embedded.stop() };
  }
  const serverUrl = withDatabase(templateUrl, "postgres");
  const name = `crosscurrent_fault_${randomBytes(6).toString("hex")}`;
  await adminQuery(serverUrl, `create database ${name}`);
  return {
    url: withDatabase(serverUrl, name),
    drop: () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`),
  };
}

async function query<Row extends pg.QueryResultRow>(url: string, sql: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(sql)).rows;
  } finally {
    await client.end();
  }
}

interface MigrationRow {
  migration_name: string;
  finished: boolean;
  rolled_back: boolean;
  started_at: Date;
  applied_steps_count: number;
  logs: string | null;
}

function migrationRows(url: string): Promise<MigrationRow[]> {
  return query<MigrationRow>(
    url,
    `select migration_name, finished_at is not null as finished, rolled_back_at is not null as rolled_back,
            started_at, applied_steps_count, logs
       from _prisma_migrations order by migration_name`,
  );
}

async function tableExists(url: string, table: string): Promise<boolean> {
  const [row] = await query<{ exists: boolean }>(url, `select to_regclass('${table}') is not null as exists`);
  return row?.exists ?? false;
}

describe("a migration that fails", () => {
  let database: ScratchDatabase;
  let migrationsDir: string;

  beforeAll(async () => {
    migrationsDir = await temporaryDir("crosscurrent-migrations-");
    await writeMigration(migrationsDir, GOOD, "create table ok_table (id integer primary key);\n");
    await writeMigration(migrationsDir, BAD, "create table broken (\n");
    database = await scratchDatabase();
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("is reported by name, after the migrations before it were applied", async () => {
    const error = await rejectionOf(applyMigrations(database.url, migrationsDir));
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as Error).message).toMatch(
      new RegExp(`^Migration ${BAD} failed and the database may be half-migrated \\(ERROR: syntax error`),
    );
    expect((error as Error).message).not.toContain(GOOD);
    expect(await tableExists(database.url, "ok_table")).toBe(true);
  });

  it("is recorded in _prisma_migrations as unfinished, the good one as finished", async () => {
    const rows = await migrationRows(database.url);
    expect(
      rows.map(({ migration_name, finished, rolled_back }) => ({ migration_name, finished, rolled_back })),
    ).toEqual([
      { migration_name: GOOD, finished: true, rolled_back: false },
      { migration_name: BAD, finished: false, rolled_back: false },
    ]);
    expect(rows[1]?.logs).toMatch(/syntax error/);
  });

  it("makes the next run refuse, without touching the database", async () => {
    const before = await migrationRows(database.url);
    // A further, valid migration must not be applied past the failed one.
    await writeMigration(migrationsDir, AFTER_FAILURE, "create table after_failure (id integer);\n");

    const error = await rejectionOf(applyMigrations(database.url, migrationsDir));
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as Error).message).toMatch(new RegExp(`^Migration ${BAD} failed earlier `));

    expect(await migrationRows(database.url)).toEqual(before);
    expect(await tableExists(database.url, "after_failure")).toBe(false);
  });

  it("is retried once repaired and marked rolled back", async () => {
    await writeMigration(migrationsDir, BAD, "create table broken (id integer);\n");
    await markRolledBack(database.url, BAD);

    expect(await applyMigrations(database.url, migrationsDir)).toEqual([BAD, AFTER_FAILURE]);
    expect(await tableExists(database.url, "after_failure")).toBe(true);
    await expect(markRolledBack(database.url, BAD)).rejects.toThrow(`No failed migration named ${BAD}.`);
  });
});
