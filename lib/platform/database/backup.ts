// Backups of the app's database, and restoring one. A PostgreSQL server (DATABASE_URL) goes
// through pg_dump's custom format and pg_restore; the embedded database is copied whole, as the
// tarball of its data directory PGlite makes itself, so it comes back exactly as it was.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdir, open, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { lockDataDir } from "./data-dir-lock";
import { assertReachable } from "./open";

export type BackupTarget = { kind: "server"; url: string } | { kind: "embedded"; dataDir: string };

/** DATABASE_URL when set, otherwise the embedded database in DATA_DIR (as the app decides). */
export function backupTarget(databaseUrl: string | undefined, dataDir: string): BackupTarget {
  return databaseUrl ? { kind: "server", url: databaseUrl } : { kind: "embedded", dataDir };
}

/** The file name a backup gets when none is given: the kind and the time, in DATA_DIR/backups. */
export function defaultBackupFile(target: BackupTarget, dataDir: string, at = new Date()): string {
  const stamp = at.toISOString().replace(/[:.]/g, "-");
  const extension = target.kind === "server" ? "dump" : "pglite.tar.gz";
  return path.join(dataDir, "backups", `crosscurrent-${stamp}.${extension}`);
}

export async function backupDatabase(target: BackupTarget, file: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  if (target.kind === "server") {
    await assertReachable(target.url);
    await runPgTool("pg_dump", ["--format=custom", "--file", file], target.url);
    await chmod(file, 0o600); // it holds password hashes and commenters' emails
  } else {
    await withEmbeddedDataDir(target.dataDir, async (pgliteDir) => {
      if (!existsSync(path.join(pgliteDir, "PG_VERSION"))) {
        throw new Error(`There is no embedded database in ${pgliteDir} to back up.`);
      }
      const db = await PGlite.create(pgliteDir, { extensions: { pg_trgm } });
      try {
        const tarball = await db.dumpDataDir("gzip");
        await writeFile(file, Buffer.from(await tarball.arrayBuffer()), { mode: 0o600 });
      } finally {
        await db.close();
      }
    });
  }
}

/**
 * Replaces the database's contents with the backup's. On a server, in one transaction: objects
 * the backup has are dropped and recreated, anything newer than the backup is left alone.
 * The embedded data directory is swapped whole; the one it replaces is kept beside it.
 */
export async function restoreDatabase(target: BackupTarget, file: string): Promise<void> {
  const format = await backupFormat(file);
  if (target.kind === "server") {
    if (format !== "pg_dump") throw new Error(`${file} is not a pg_dump backup of a PostgreSQL server.`);
    await assertReachable(target.url);
    await runPgTool(
      "pg_restore",
      ["--clean", "--if-exists", "--no-owner", "--single-transaction", file],
      target.url,
    );
  } else {
    if (format !== "pglite") throw new Error(`${file} is not a backup of the embedded database.`);
    const tarball = new Blob([await readFile(file)]);
    await withEmbeddedDataDir(target.dataDir, async (pgliteDir) => {
      const incoming = `${pgliteDir}.restoring`;
      const previous = `${pgliteDir}.before-restore`;
      await rm(incoming, { recursive: true, force: true });
      const db = await PGlite.create(incoming, { loadDataDir: tarball, extensions: { pg_trgm } });
      await db.query("select 1"); // fails here, before anything is swapped, on a broken tarball
      await db.close();
      await rm(previous, { recursive: true, force: true });
      await rename(pgliteDir, previous).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== "ENOENT") throw error;
      });
      await rename(incoming, pgliteDir);
    });
  }
}

async function backupFormat(file: string): Promise<"pg_dump" | "pglite" | "unknown"> {
  const handle = await open(file, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(5), 0, 5, 0);
    const head = buffer.subarray(0, bytesRead);
    if (head.toString("latin1") === "PGDMP") return "pg_dump";
    if (head[0] === 0x1f && head[1] === 0x8b) return "pglite"; // gzip
    return "unknown";
  } finally {
    await handle.close();
  }
}

/** The embedded database's files, held for this process alone (never while the app runs). */
async function withEmbeddedDataDir(dataDir: string, work: (pgliteDir: string) => Promise<void>) {
  const unlock = await lockDataDir(dataDir);
  try {
    await work(path.join(dataDir, "pglite"));
  } finally {
    await unlock();
  }
}

/** Runs pg_dump/pg_restore on `url`, the password passed in the environment rather than argv. */
function runPgTool(command: "pg_dump" | "pg_restore", args: string[], url: string): Promise<void> {
  const connection = new URL(url);
  const password = decodeURIComponent(connection.password);
  connection.password = "";
  // Prisma-style parameters that libpq does not know would make it refuse the URL.
  connection.searchParams.delete("schema");
  connection.searchParams.delete("connection_limit");
  const env = { ...process.env, ...(password ? { PGPASSWORD: password } : {}) };
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args, "--dbname", connection.toString()], {
      env,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          error.code === "ENOENT"
            ? `${command} is not installed (Debian: apt-get install postgresql-client).`
            : error.message,
        ),
      ),
    );
    child.on("close", (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} failed (exit ${code}): ${stderr.trim()}`));
    });
  });
}
