// A backup is only as good as its restore: seed, back up, damage, restore, and every table must
// hold exactly what it held before, row for row (count and checksum per table), for a
// PostgreSQL server (pg_dump/pg_restore) and for the embedded database (PGlite's own dump).
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { backupDatabase, restoreDatabase, type BackupTarget } from "@/lib/platform/database/backup";
import { startEmbeddedDatabase } from "@/lib/platform/database/embedded";
import { prepareDatabase } from "@/lib/platform/database/prepare";
import { demoSeeder } from "@/lib/seed/demo-content";
import { DEMO_LIBRARY_PIECES } from "@/lib/seed/demo-library-data";
import { seedBulk } from "@/lib/seed/bulk";

type Snapshot = Record<string, { rows: number; checksum: string }>;

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Row count and md5 of all rows (as text, in a fixed order) of every table in the schema. */
function snapshot(url: string): Promise<Snapshot> {
  return withClient(url, async (client) => {
    const { rows: tables } = await client.query<{ name: string }>(
      `select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
    );
    const result: Snapshot = {};
    for (const { name } of tables) {
      const table = `"${name.replaceAll('"', '""')}"`;
      const { rows } = await client.query<{ rows: number; checksum: string }>(
        `select count(*)::int as rows,
                md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as checksum
           from ${table} t`,
      );
      result[name] = rows[0]!;
    }
    return result;
  });
}

async function seed(url: string) {
  await prepareDatabase(
    url,
    demoSeeder({ email: "backup-admin@crosscurrent.test", password: "a backup test password" }),
  );
  await withClient(url, (client) => seedBulk(client, { articles: 40, comments: 300, seed: 7 }));
}

/** What an accident or a bad deploy might do: deletions, edits and new rows across tables. */
async function damage(url: string) {
  await withClient(url, async (client) => {
    await client.query(`delete from "Comment" where ctid in (select ctid from "Comment" limit 50)`);
    await client.query(`update "Article" set title = title || ' (edited)'`);
    await client.query(`delete from "ArticleTag"`);
    await client.query(`update "User" set name = 'Someone else'`);
  });
}

/** The demo content's articles and comments: the seed reprint and the demo library. */
const DEMO_ARTICLES = 1 + DEMO_LIBRARY_PIECES.length;
const DEMO_COMMENTS = DEMO_LIBRARY_PIECES.flatMap((piece) => piece.comments ?? []).reduce(
  (count, comment) => count + 1 + (comment.replies?.length ?? 0),
  0,
);

function expectSeeded(before: Snapshot) {
  expect(before.Article?.rows).toBe(DEMO_ARTICLES + 40); // the demo content and the bulk articles
  expect(before.Comment?.rows).toBe(DEMO_COMMENTS + 300);
  expect(before.User?.rows).toBe(1);
  expect(before._prisma_migrations?.rows).toBeGreaterThanOrEqual(1);
}

const temporaryDirs: string[] = [];
async function temporaryDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "crosscurrent-backup-"));
  temporaryDirs.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(temporaryDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

// This file's own database on the test server; without a server there is nothing for pg_dump.
describe.runIf(inject("templateDatabaseUrl"))("a PostgreSQL server (pg_dump / pg_restore)", () => {
  const url = process.env.DATABASE_URL!;
  const target: BackupTarget = { kind: "server", url };
  let file: string;
  let before: Snapshot;

  beforeAll(async () => {
    await seed(url);
    before = await snapshot(url);
    file = path.join(await temporaryDir(), "site.dump");
  });

  it("restores every table to the same rows after they were changed and deleted", async () => {
    expectSeeded(before);
    await backupDatabase(target, file);

    await damage(url);
    const damaged = await snapshot(url);
    expect(damaged.Comment?.rows).toBe(before.Comment!.rows - 50);
    expect(damaged.Article?.checksum).not.toBe(before.Article?.checksum);

    await restoreDatabase(target, file);
    expect(await snapshot(url)).toEqual(before);
  });

  it("refuses a file that is not a pg_dump backup, leaving the database alone", async () => {
    const other = path.join(await temporaryDir(), "not-a-backup.dump");
    await writeFile(other, "hello");
    await expect(restoreDatabase(target, other)).rejects.toThrow(/is not a pg_dump backup/);
    expect(await snapshot(url)).toEqual(before);
  });
});

describe("the embedded database (PGlite data directory)", () => {
  let dataDir: string;
  let file: string;
  let before: Snapshot;
  const target = () => ({ kind: "embedded", dataDir }) as const;

  /** Serves the embedded database in `dataDir` for the duration of `work`, as the app would. */
  async function whileServed<T>(work: (url: string) => Promise<T>): Promise<T> {
    const embedded = await startEmbeddedDatabase({ dataDir: path.join(dataDir, "pglite") });
    try {
      return await work(embedded.url);
    } finally {
      await embedded.stop();
    }
  }

  beforeAll(async () => {
    dataDir = await temporaryDir();
    file = path.join(dataDir, "backups", "site.pglite.tar.gz");
    before = await whileServed(async (url) => {
      await seed(url);
      return snapshot(url);
    });
  });

  it("restores every table to the same rows after they were changed and deleted", async () => {
    expectSeeded(before);
    await backupDatabase(target(), file);

    const damaged = await whileServed(async (url) => {
      await damage(url);
      return snapshot(url);
    });
    expect(damaged.Comment?.rows).toBe(before.Comment!.rows - 50);

    await restoreDatabase(target(), file);
    expect(await whileServed(snapshot)).toEqual(before);
  });

  it("will not touch the data directory while another process holds it", async () => {
    await writeFile(path.join(dataDir, "pglite.pid"), String(process.ppid));
    try {
      await expect(backupDatabase(target(), file)).rejects.toThrow(/is in use by process/);
      await expect(restoreDatabase(target(), file)).rejects.toThrow(/is in use by process/);
    } finally {
      await rm(path.join(dataDir, "pglite.pid"), { force: true });
    }
  });
});
