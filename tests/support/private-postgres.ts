// A PostgreSQL server of the test's own (initdb in a temporary directory, on a free port, its
// socket in that directory), so that a test may stop and start it without disturbing the shared
// server every other test uses. Needs the server binaries (Debian: the postgresql package, in
// /usr/lib/postgresql/<version>/bin). Run as root, as CI does, it runs them as the `postgres`
// user, since PostgreSQL refuses to run as root.
import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { chown, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { freePort } from "./app-server";

const run = promisify(execFile);
const POSTGRES_ROOT = "/usr/lib/postgresql";

/** The newest installed server's bin directory, or null. */
export function postgresBinDir(): string | null {
  if (process.env.POSTGRES_BIN_DIR) return process.env.POSTGRES_BIN_DIR;
  if (!existsSync(POSTGRES_ROOT)) return null;
  const versions = readdirSync(POSTGRES_ROOT)
    .filter((name) => existsSync(path.join(POSTGRES_ROOT, name, "bin", "initdb")))
    .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
  return versions[0] ? path.join(POSTGRES_ROOT, versions[0], "bin") : null;
}

export const MISSING_POSTGRES_MESSAGE =
  "This test runs a PostgreSQL server of its own and needs the server binaries (initdb, pg_ctl) " +
  `in ${POSTGRES_ROOT}/<version>/bin: apt-get install -y postgresql, or set POSTGRES_BIN_DIR.`;

export interface PrivatePostgres {
  port: number;
  /** postgresql://postgres@127.0.0.1:<port>/<database> */
  url(database?: string): string;
  start(): Promise<void>;
  /** `pg_ctl stop` in `mode`: immediate is a crash as far as clients can tell. */
  stop(mode?: "immediate" | "fast"): Promise<void>;
  /** Stops the server (if running) and deletes its files. */
  destroy(): Promise<void>;
  log(): Promise<string>;
}

async function ownerIds(user: string): Promise<{ uid: number; gid: number }> {
  const { stdout: uid } = await run("id", ["-u", user]);
  const { stdout: gid } = await run("id", ["-g", user]);
  return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error(MISSING_POSTGRES_MESSAGE);
  const root = await mkdtemp(path.join(tmpdir(), "crosscurrent-pg-"));
  const dataDir = path.join(root, "data");
  const logFile = path.join(root, "postgres.log");
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { uid, gid } = await ownerIds("postgres");
    await chown(root, uid, gid);
  }
  const pg = (program: string, args: string[]) =>
    asRoot
      ? run("runuser", ["-u", "postgres", "--", path.join(bin, program), ...args])
      : run(path.join(bin, program), args);

  const port = await freePort();
  await pg("initdb", ["-D", dataDir, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
  const options = [
    `-p ${port}`,
    `-k ${root}`,
    "-c listen_addresses=127.0.0.1",
    "-c fsync=off",
    "-c synchronous_commit=off",
    "-c full_page_writes=off",
  ].join(" ");
  let running = false;

  const server: PrivatePostgres = {
    port,
    url: (database = "postgres") => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    async start() {
      await pg("pg_ctl", ["start", "-D", dataDir, "-l", logFile, "-w", "-t", "60", "-o", options]);
      running = true;
    },
    async stop(mode = "fast") {
      await pg("pg_ctl", ["stop", "-D", dataDir, "-m", mode, "-w", "-t", "60"]);
      running = false;
    },
    async destroy() {
      if (running) await server.stop("immediate").catch(() => {});
      await rm(root, { recursive: true, force: true });
    },
    log: () => readFile(logFile, "utf8").catch(() => ""),
  };
  try {
    await server.start();
  } catch (error) {
    const log = await server.log();
    await rm(root, { recursive: true, force: true });
    throw new Error(`The private PostgreSQL did not start: ${(error as Error).message}\n${log}`);
  }
  return server;
}
