// npm run bench — public pages under load, on the production build (npm run build first), with
// 10,000 articles and 100,000 comments in PostgreSQL. Needs a PostgreSQL server
// (BENCH_DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/postgres; the script creates
// and drops its own database, crosscurrent_bench) and wrk.
//
// Each route gets `wrk -t2 -c32 -d10s --latency`; the yardstick is a static file of about the same
// size as the article page, served by the same Next server (or /bench-static when the build has
// that prerendered page), so "ratio" says how close a per-request page comes to serving a file.
// Also: the server's peak resident memory (VmRSS of next-server, sampled every 500 ms), and the
// JavaScript, gzipped, that the article page ships compared with an empty page of the app.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import pg from "pg";
import { startAppServer, type AppServer } from "../../tests/support/app-server";
import { launchBrowser } from "../../tests/support/browser";
import { withDatabase } from "../../tests/support/test-database-url";

const ROOT = path.resolve(import.meta.dirname, "../..");
process.chdir(ROOT);

const SERVER_URL = process.env.BENCH_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
const DATABASE = "crosscurrent_bench";
const DATABASE_URL = withDatabase(SERVER_URL, DATABASE);
const WRK = process.env.WRK ?? (existsSync("/usr/bin/wrk") ? "/usr/bin/wrk" : "wrk");
const WRK_ARGS = ["-t2", "-c32", "-d10s", "--latency"];
const ARTICLES = 10_000;
const COMMENTS = 100_000;
const DEADLINE_MS = 290_000; // the whole run stays under five minutes
const ADMIN = { email: "bench@crosscurrent.test", password: "bench password, long enough" };
const TSX = path.resolve("node_modules/tsx/dist/cli.mjs");

// ─── Preconditions ───────────────────────────────────────────────────────────

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

if (!existsSync(".next/BUILD_ID")) fail("No production build: run `npm run build` first.");
if (spawnSync(WRK, ["--version"]).error) fail(`wrk not found (${WRK}): apt-get install -y wrk, or set WRK.`);
if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(new URL(SERVER_URL).hostname)) {
  fail("The benchmark creates and drops a database: BENCH_DATABASE_URL must be a local server.");
}

// ─── Cleanup, whatever happens ───────────────────────────────────────────────

const started = Date.now();
const children = new Set<ChildProcess>();
let server: AppServer | undefined;
let dataDir: string | undefined;
let cleaning: Promise<void> | undefined;

async function sql(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    for (const child of children) child.kill("SIGKILL");
    await server?.stop().catch(() => {});
    await sql(SERVER_URL, `drop database if exists ${DATABASE} with (force)`).catch((error: Error) =>
      console.error(`Could not drop ${DATABASE}: ${error.message}`),
    );
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  })();
  return cleaning;
}

const watchdog = setTimeout(() => {
  console.error(`The benchmark ran past ${DEADLINE_MS / 1000} s; stopping.`);
  void cleanup().finally(() => process.exit(1));
}, DEADLINE_MS);
watchdog.unref();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void cleanup().finally(() => process.exit(130)));
}

function elapsed(): string {
  return `${((Date.now() - started) / 1000).toFixed(0)} s`;
}

/** Runs a command to completion, collecting its output; rejects on a non-zero exit. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    children.add(child);
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      children.delete(child);
      if (code === 0) resolve(output);
      else
        reject(
          new Error(`${path.basename(command)} ${args.join(" ")} failed (${code ?? signal}):\n${output}`),
        );
    });
  });
}

// ─── The server's memory ─────────────────────────────────────────────────────

function childPids(pid: number): number[] {
  const out = spawnSync("ps", ["--ppid", String(pid), "-o", "pid="], { encoding: "utf8" }).stdout;
  return out
    .split("\n")
    .map((line) => Number(line.trim()))
    .filter((n) => n > 0);
}

/** The next-server process under this one: launcher (tsx) → scripts/serve.ts → next start. */
async function findNextServer(): Promise<number> {
  const queue = childPids(process.pid);
  while (queue.length) {
    const pid = queue.shift()!;
    const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
    if (cmdline.startsWith("next-server")) return pid;
    queue.push(...childPids(pid));
  }
  throw new Error("Could not find the next-server process.");
}

async function rssKb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
}

// ─── wrk ─────────────────────────────────────────────────────────────────────

interface WrkResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx3xx: number;
  socketErrors: number;
  /** "connect 0, read 0, write 0, timeout 0", as wrk prints it. */
  socketDetail: string;
}

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };

function toMs(value: string, unit: string): number {
  return Number(value) * UNIT_MS[unit]!;
}

function parseWrk(output: string): WrkResult {
  const latency = (p: string) => {
    const match = new RegExp(`^\\s*${p}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, "m").exec(output);
    if (!match) throw new Error(`wrk printed no ${p}% latency:\n${output}`);
    return toMs(match[1]!, match[2]!);
  };
  const rps = /^Requests\/sec:\s+([\d.]+)/m.exec(output);
  if (!rps) throw new Error(`wrk printed no Requests/sec:\n${output}`);
  const socket = /Socket errors: (connect (\d+), read (\d+), write (\d+), timeout (\d+))/.exec(output);
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(output);
  return {
    requestsPerSecond: Number(rps[1]),
    p50: latency("50"),
    p99: latency("99"),
    non2xx3xx: Number(non2xx?.[1] ?? 0),
    socketErrors: socket ? socket.slice(2).reduce((sum, n) => sum + Number(n), 0) : 0,
    socketDetail: socket?.[1] ?? "connect 0, read 0, write 0, timeout 0",
  };
}

// ─── The yardstick ───────────────────────────────────────────────────────────

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/**
 * A prerendered /bench-static page when the build has one; otherwise the static file Next serves
 * (/_next/static/…, public/…) closest in size to `targetBytes`.
 */
async function chooseYardstick(targetBytes: number): Promise<{ path: string; note: string }> {
  if (
    existsSync(".next/server/app/bench-static.html") ||
    existsSync(".next/server/app/(site)/bench-static.html")
  ) {
    return { path: "/bench-static", note: "prerendered page /bench-static" };
  }
  const candidates = [
    ...(await filesUnder(".next/static")).map((file) => ({
      file,
      url: `/_next/static/${path.relative(".next/static", file).split(path.sep).join("/")}`,
    })),
    ...(await filesUnder("public")).map((file) => ({
      file,
      url: `/${path.relative("public", file).split(path.sep).join("/")}`,
    })),
  ];
  let best: { url: string; size: number } | undefined;
  for (const { file, url } of candidates) {
    const { size } = await stat(file);
    if (!best || Math.abs(size - targetBytes) < Math.abs(best.size - targetBytes)) best = { url, size };
  }
  if (!best) throw new Error("The build has no static files to use as a yardstick.");
  return {
    path: best.url,
    note: `static file ${best.url} (${(best.size / 1024).toFixed(1)} KB; no /bench-static page in this build)`,
  };
}

// ─── The run ─────────────────────────────────────────────────────────────────

async function fetchOk(url: string): Promise<number> {
  const response = await fetch(url);
  const body = await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return body.byteLength;
}

async function scriptBytes(url: string): Promise<{ files: number; gzip: number }> {
  const browser = await launchBrowser();
  try {
    const page = await (await browser.newContext()).newPage();
    const sizes = new Map<string, number>();
    const pending: Promise<void>[] = [];
    page.on("response", (response) => {
      if (response.request().resourceType() !== "script") return;
      pending.push(
        response
          .body()
          .then((body) => void sizes.set(response.url(), gzipSync(body).length))
          .catch(() => {}),
      );
    });
    await page.goto(url, { waitUntil: "networkidle" });
    await Promise.all(pending);
    return { files: sizes.size, gzip: [...sizes.values()].reduce((a, b) => a + b, 0) };
  } finally {
    await browser.close();
  }
}

try {
  await sql(SERVER_URL, `drop database if exists ${DATABASE} with (force)`);
  await sql(SERVER_URL, `create database ${DATABASE}`);
  dataDir = await mkdtemp(path.join(tmpdir(), "crosscurrent-bench-"));
  const appEnv = {
    DATABASE_URL,
    DATA_DIR: dataDir,
    AUTH_SECRET: "bench-secret-bench-secret-bench-secret-bench",
    SEED_ADMIN_EMAIL: ADMIN.email,
    SEED_ADMIN_PASSWORD: ADMIN.password,
  };

  // The launcher migrates and seeds the demo content into the empty database; bulk data goes in after.
  server = await startAppServer(appEnv);
  console.log(
    `[${elapsed()}] App up at ${server.baseUrl}; seeding ${ARTICLES} articles, ${COMMENTS} comments…`,
  );
  const seeded = await run(
    process.execPath,
    [TSX, "scripts/db-seed-bulk.ts", "--articles", String(ARTICLES), "--comments", String(COMMENTS)],
    { ...process.env, ...appEnv },
  );
  const articlePath = /first: (\/articles\/\S+?)\)/.exec(seeded)?.[1];
  if (!articlePath) throw new Error(`The bulk seed printed no first article:\n${seeded}`);
  const run8 = /^\/articles\/bulk-(.+)-1$/.exec(articlePath)?.[1];
  console.log(`[${elapsed()}] ${seeded.trim()}`);
  // Fresh planner statistics, as autovacuum would have gathered on a live site.
  await sql(DATABASE_URL, "analyze");

  const base = server.baseUrl;
  const pid = await findNextServer();
  const articleBytes = await fetchOk(`${base}${articlePath}`);
  const yardstick = await chooseYardstick(articleBytes);
  const routes: Array<{ name: string; path: string }> = [
    { name: "yardstick (static)", path: yardstick.path },
    { name: "article", path: articlePath },
    { name: "home", path: "/" },
    { name: "tag archive", path: run8 ? `/tags/bulk-tag-${run8}-1` : "/tags/taiwan-strait" },
    { name: "search", path: "/search?q=Taiwan" },
    { name: "feed", path: "/feed.xml" },
  ];

  let maxRss = await rssKb(pid);
  let routeRss = 0;
  const sampler = setInterval(() => {
    void rssKb(pid).then((kb) => {
      maxRss = Math.max(maxRss, kb);
      routeRss = Math.max(routeRss, kb);
    });
  }, 500);

  const results: Array<{ name: string; path: string; bytes: number; wrk: WrkResult; rssKb: number }> = [];
  try {
    for (const route of routes) {
      const url = `${base}${route.path}`;
      // Warm up: compiled code paths, database connections, the page's first render.
      let bytes = 0;
      for (let i = 0; i < 10; i++) bytes = await fetchOk(url);
      routeRss = 0;
      console.log(`[${elapsed()}] wrk ${WRK_ARGS.join(" ")} ${route.path}`);
      const wrk = parseWrk(await run(WRK, [...WRK_ARGS, url]));
      results.push({ ...route, bytes, wrk, rssKb: routeRss });
    }
  } finally {
    clearInterval(sampler);
  }

  console.log(`[${elapsed()}] Measuring the JavaScript pages ship…`);
  const articleJs = await scriptBytes(`${base}${articlePath}`);
  const emptyJs = await scriptBytes(`${base}/bench-empty-page-${Date.now()}`);

  const yard = results[0]!.wrk.requestsPerSecond;
  const rows = results.map((r) => [
    r.name,
    r.path.length > 44 ? `${r.path.slice(0, 41)}…` : r.path,
    (r.bytes / 1024).toFixed(1),
    r.wrk.requestsPerSecond.toFixed(0),
    (r.wrk.requestsPerSecond / yard).toFixed(2),
    r.wrk.p50.toFixed(1),
    r.wrk.p99.toFixed(1),
    String(r.wrk.non2xx3xx + r.wrk.socketErrors),
    (r.rssKb / 1024).toFixed(0),
  ]);
  const header = ["route", "path", "KB", "req/s", "ratio", "p50 ms", "p99 ms", "errors", "RSS MB"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
  console.log("");
  console.log(`Public pages, ${ARTICLES} articles / ${COMMENTS} comments, wrk ${WRK_ARGS.join(" ")}:`);
  console.log(line(header));
  console.log(line(widths.map((w) => "-".repeat(w))));
  for (const row of rows) console.log(line(row));
  console.log("");
  console.log(`Yardstick: ${yardstick.note}. Ratio = route req/s ÷ yardstick req/s.`);
  console.log(
    "errors = non-2xx/3xx responses + socket errors (connect, read, write, timeout). A timeout is a " +
      "response slower than wrk's 2 s limit; the latency percentiles leave those requests out.",
  );
  for (const r of results.filter((r) => r.wrk.non2xx3xx + r.wrk.socketErrors > 0)) {
    console.log(`  ${r.name}: ${r.wrk.non2xx3xx} non-2xx/3xx; socket errors: ${r.wrk.socketDetail}`);
  }
  console.log(`Max server RSS (next-server, pid ${pid}, every 500 ms): ${(maxRss / 1024).toFixed(0)} MB`);
  console.log(
    `JavaScript, gzip: article page ${(articleJs.gzip / 1024).toFixed(1)} KB in ${articleJs.files} files; ` +
      `empty page ${(emptyJs.gzip / 1024).toFixed(1)} KB in ${emptyJs.files} files; ` +
      `difference ${((articleJs.gzip - emptyJs.gzip) / 1024).toFixed(1)} KB`,
  );
  console.log(`Done in ${elapsed()}.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  if (server) console.error(`--- server output (tail) ---\n${server.output().slice(-4000)}`);
  process.exitCode = 1;
} finally {
  await cleanup();
  clearTimeout(watchdog);
}
