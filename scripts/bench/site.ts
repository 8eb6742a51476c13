// npm run bench — public pages under load, on the production build (npm run build first; the
// build in NEXT_DIST_DIR when set, as next.config.ts reads it), with 10,000 articles and 100,000
// comments in PostgreSQL. Needs a PostgreSQL server (BENCH_DATABASE_URL, default
// postgresql://postgres@127.0.0.1:5432/postgres; the script creates and drops its own database,
// crosscurrent_bench_<its process id>, so runs from two working copies at once leave each other
// alone) and wrk.
//
// Each route gets `wrk -t2 -c32 -d10s --latency`, and so does its yardstick: the prerendered static
// page /bench-static/<KB> nearest its size, served by the same Next server, so "ratio" says how
// close a cached or per-request page comes to serving a file of its size. Each route is also
// measured against the limit: a bare Node http server in a process of its own
// (scripts/bench/bare-server.ts) answering the same bytes from memory, with the same wrk settings,
// without and with `Accept-Encoding: gzip` (the bare server then sends the gzip bytes the app
// sent); "÷ bare" is the route's req/s over the bare server's. A 304 row asks for the article with
// If-None-Match of its ETag, of both.
// One article gets exactly 500 approved comments, threaded, for the "long discussion" row.
// Then two sections of single requests, one at a time, each timed to the last byte and checked to
// be a miss that Next rendered anew (not the launcher's memory, not Next's page cache):
// first-search.ts asks 40 searches nobody asked before (after 3 uncounted warm-up searches), most
// in the bulk articles' own words, a few finding nothing, a few narrowed to a tag or a source;
// after-edit.ts saves a new title for a bulk article 20 times through the desk's saveArticle
// server action, as the bench's admin, each followed by the first GET of its page, which must show
// it, and times the same page after the same invalidation without an edit in between (the build
// from before the launcher's memory can be measured the same way: point after-edit.ts at it).
// Last, POST /api/comments at 16 connections (comment-post.lua): every request a new reader's
// comment from its own address, as readers behind a reverse proxy the server trusts
// (TRUSTED_PROXY), so no duplicate or rate-limit rule trips; 201 (approved) and 202 (held) are
// both accepted.
// Percentiles (p50, p95, p99) and status counts come from wrk's Lua done() hook (wrk-report.lua).
// Also: the server's peak resident memory (VmRSS of next-server, sampled every 500 ms), and the
// JavaScript, gzipped, that the article page ships compared with an empty page of the app.
//
// Options (after `npm run bench --`):
//   --only comments   only the comment POST row (same database and data; no page rows, first
//                     searches or edits)
//   --statements      the app reaches PostgreSQL through a relay that counts SQL statements
//                     (statement-counter.ts): statements per accepted POST, measured on 20 posts
//                     one at a time with each statement's text, and over the wrk run
//   --cpu-prof <dir>  the server runs with node --cpu-prof into <dir>; prints where CPU time went
//                     during the comment POST run (cpu-profile-summary.ts)
import { spawn, spawnSync } from "node:child_process";
import { request as httpRequest } from "node:http";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { appServerPids, residentKb } from "../../tests/support/app-processes";
import { freePort, startAppServer, type AppServer } from "../../tests/support/app-server";
import { buildDir } from "@/lib/platform/server/build-dir";
import { launchBrowser } from "../../tests/support/browser";
import { pageScripts, type PageScripts } from "../../tests/support/page-scripts";
import { withDatabase } from "../../tests/support/test-database-url";
import { BENCH_STATIC_SIZES_KB } from "../../app/(bench)/bench-static/[kb]/sizes";
import {
  ARTICLES,
  BENCH_ADMIN,
  benchPrerequisiteMissing,
  COMMENTS,
  LONG_DISCUSSION,
  pageRoutes,
  seedBulkSite,
  sql,
} from "./bench-site";
import { measureAfterEdit, type AfterEdit } from "./after-edit";
import { articleIdOf, discussionCommentsIn, storedCommentsOf, warmUpCommentPost } from "./comments";
import { printProfileSummary, summarizeProfile } from "./cpu-profile-summary";
import { formatLatencies } from "./first-requests";
import { measureFirstSearches, type FirstSearches } from "./first-search";
import { guardRun, killAll, run, track } from "./processes";
import { startStatementCounter, type StatementCounter } from "./statement-counter";
import {
  countOf,
  parseWrk,
  POST_CONNECTIONS,
  POST_WRK_ARGS,
  REPORT_LUA,
  WRK,
  WRK_ARGS,
  type WrkResult,
} from "./wrk";

const ROOT = path.resolve(import.meta.dirname, "../..");
process.chdir(ROOT);

const SERVER_URL = process.env.BENCH_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
const DATABASE = `crosscurrent_bench_${process.pid}`;
const DATABASE_URL = withDatabase(SERVER_URL, DATABASE);
const COMMENT_POST_LUA = path.join(ROOT, "scripts/bench/comment-post.lua");
const DIST_DIR = buildDir();
const DEADLINE_MS = 720_000; // the whole run stays under twelve minutes

// ─── Preconditions ───────────────────────────────────────────────────────────

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const missing = benchPrerequisiteMissing(SERVER_URL);
if (missing) fail(missing);

const { values: options } = parseArgs({
  options: {
    only: { type: "string" },
    statements: { type: "boolean", default: false },
    "cpu-prof": { type: "string" },
  },
});
if (options.only !== undefined && options.only !== "comments") {
  fail(`--only takes "comments" (the comment POST row alone), not "${options.only}".`);
}
const COMMENTS_ONLY = options.only === "comments";
const CPU_PROFILE_DIR = options["cpu-prof"] ? path.resolve(options["cpu-prof"]) : undefined;
/** Posts, one at a time, whose statements --statements lists. */
const COUNTED_POSTS = 20;
/** Edits, each followed by the first request of the page, and as many plain misses of it. */
const EDITS = 20;
/**
 * The first request after an edit counts as no slower than a plain miss of the same page while its
 * p50 is within this factor of the plain miss's: the p50 of twenty requests moves about this much
 * between runs on a shared machine.
 */
const AFTER_EDIT_TOLERANCE = 1.2;

// ─── Cleanup, whatever happens ───────────────────────────────────────────────

let server: AppServer | undefined;
let counter: StatementCounter | undefined;
let dataDir: string | undefined;
let cleaning: Promise<void> | undefined;

function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    killAll();
    await server?.stop().catch(() => {});
    await counter?.close();
    await sql(SERVER_URL, `drop database if exists ${DATABASE} with (force)`).catch((error: Error) =>
      console.error(`Could not drop ${DATABASE}: ${error.message}`),
    );
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  })();
  return cleaning;
}

const elapsed = guardRun(cleanup, DEADLINE_MS);

// ─── CPU time ────────────────────────────────────────────────────────────────
// CPU time a run costs depends far less on what else the machine is doing than its req/s does.

const CLOCK_TICKS_PER_SECOND = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout) || 100;

/** User plus system CPU time of process `pid` (all its threads) so far, in ms; 0 once it is gone. */
async function cpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
  // The fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11] ?? 0) + Number(fields[12] ?? 0); // utime, stime
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** CPU time so far of each PostgreSQL backend connected to the bench's database, by pid. */
async function backendCpuMs(): Promise<Map<number, number>> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      "select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
      [DATABASE],
    );
    return new Map(await Promise.all(rows.map(async ({ pid }) => [pid, await cpuMs(pid)] as const)));
  } finally {
    await client.end();
  }
}

// ─── The yardstick ───────────────────────────────────────────────────────────

/** The prerendered yardstick nearest `bytes` in size (see app/(bench)/bench-static/[kb]). */
function yardstickFor(bytes: number): string {
  const nearest = BENCH_STATIC_SIZES_KB.reduce((best, kb) =>
    Math.abs(kb * 1024 - bytes) < Math.abs(best * 1024 - bytes) ? kb : best,
  );
  return `/bench-static/${nearest}`;
}

// ─── The server's CPU profile (--cpu-prof) ───────────────────────────────────

/** The monotonic clock in microseconds: the clock V8's CPU profiles keep on this machine. */
function monotonicMicros(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

/** The profile the server process `pid` wrote into `dir` (node names it CPU.<date>.<time>.<pid>…). */
async function serverProfile(dir: string, pid: number): Promise<string> {
  const file = (await readdir(dir)).find((name) => name.split(".")[3] === String(pid));
  if (!file) throw new Error(`No CPU profile of process ${pid} in ${dir}.`);
  return path.join(dir, file);
}

// ─── The run ─────────────────────────────────────────────────────────────────

/** An answer's bytes exactly as sent (no decoding), and the headers the bare server repeats. */
function rawAnswer(
  url: string,
  headers: Record<string, string>,
): Promise<{ body: Buffer; headers: Record<string, string> }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        if (response.statusCode !== 200) return reject(new Error(`${url} answered ${response.statusCode}`));
        const kept: Record<string, string> = {};
        for (const name of ["content-type", "content-encoding", "etag", "vary"]) {
          const value = response.headers[name];
          if (typeof value === "string") kept[name] = value;
        }
        resolve({ body: Buffer.concat(chunks), headers: kept });
      });
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end();
  });
}

/** Starts the bare Node server (bare-server.ts) with `routes`; resolves with its base URL. */
async function startBareServer(
  dir: string,
  routes: Array<{ path: string; body: Buffer; headers: Record<string, string> }>,
): Promise<string> {
  const manifest = [];
  for (const [i, route] of routes.entries()) {
    const file = path.join(dir, `bare-${i}.bin`);
    await writeFile(file, route.body);
    manifest.push({ path: route.path, file, headers: route.headers });
  }
  const manifestFile = path.join(dir, "bare-manifest.json");
  await writeFile(manifestFile, JSON.stringify(manifest));
  const port = await freePort();
  // In this very process, not through tsx's command, which would run it in a child of its own: a
  // SIGKILL (killAll) would leave that child serving, holding this script's pipe and keeping it
  // from ever exiting.
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "scripts/bench/bare-server.ts", manifestFile, String(port)],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  track(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`The bare server exited (${code}).`)));
  });
  return `http://127.0.0.1:${port}`;
}

async function fetchOk(url: string): Promise<number> {
  const response = await fetch(url);
  const body = await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return body.byteLength;
}

async function scriptBytes(url: string): Promise<PageScripts> {
  const browser = await launchBrowser();
  try {
    return await pageScripts(browser, url);
  } finally {
    await browser.close();
  }
}

try {
  await sql(SERVER_URL, `drop database if exists ${DATABASE} with (force)`);
  await sql(SERVER_URL, `create database ${DATABASE}`);
  dataDir = await mkdtemp(path.join(tmpdir(), "crosscurrent-bench-"));
  if (options.statements) counter = await startStatementCounter(DATABASE_URL);
  const appEnv = {
    DATABASE_URL: counter?.url ?? DATABASE_URL,
    DATA_DIR: dataDir,
    AUTH_SECRET: "bench-secret-bench-secret-bench-secret-bench",
    SEED_ADMIN_EMAIL: BENCH_ADMIN.email,
    SEED_ADMIN_PASSWORD: BENCH_ADMIN.password,
    // The build to serve (next.config.ts reads it), and a reverse proxy on this machine whose
    // X-Forwarded-For the server believes: the comment POST row's readers each have an address.
    NEXT_DIST_DIR: DIST_DIR,
    TRUSTED_PROXY: "127.0.0.1",
    // The yardstick pages, which a server started otherwise answers with 404.
    SERVE_BENCH_PAGES: "true",
  };

  // The launcher migrates and seeds the demo content into the empty database; bulk data goes in after.
  // Its output (an access log line per request) goes to a file, as a production log does: read
  // through a pipe, it cost this process CPU on the two cores the server and wrk share.
  server = await startAppServer(appEnv, {
    nodeArgs: CPU_PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${CPU_PROFILE_DIR}`] : [],
    outputFile: path.join(dataDir, "server.log"),
  });
  console.log(
    `[${elapsed()}] App up at ${server.baseUrl}; seeding ${ARTICLES} articles, ${COMMENTS} comments…`,
  );
  const site = await seedBulkSite({ ...appEnv, DATABASE_URL });
  const { articlePath, run8, discussionPath, discussion } = site;
  console.log(`[${elapsed()}] ${site.summary}`);
  console.log(
    `[${elapsed()}] ${discussionPath}: ${discussion.approved} approved comments, ${discussion.replies} of them replies`,
  );
  // Readers post to an article of its own, so the page rows never see those comments.
  const postArticleId = await articleIdOf(DATABASE_URL, `bulk-${run8}-3`);
  // The article the edits change, which no other row reads.
  const editedSlug = `bulk-${run8}-4`;

  const base = server.baseUrl;
  const [pid] = await appServerPids(base);
  if (!pid) throw new Error(`No app server process for ${base}.`);
  const discussionShown = discussionCommentsIn(await (await fetch(`${base}${discussionPath}`)).text());
  const routes = COMMENTS_ONLY ? [] : pageRoutes(site);

  let maxRss = await residentKb(pid);
  let routeRss = 0;
  const sampler = setInterval(() => {
    void residentKb(pid).then((kb) => {
      maxRss = Math.max(maxRss, kb);
      routeRss = Math.max(routeRss, kb);
    });
  }, 500);

  interface Result {
    name: string;
    path: string;
    /** Extra request headers (wrk -H), e.g. Accept-Encoding. */
    headers?: Record<string, string>;
    /** The bare Node server's row for the same bytes. */
    bare?: Result;
    /** Response size of a page; null for the POST row. */
    bytes: number | null;
    wrk: WrkResult;
    rssKb: number;
    /** The yardstick row a page row is compared with. */
    yardstick?: Result;
  }
  const measure = async (
    route: { name: string; path: string; headers?: Record<string, string> },
    origin = base,
  ): Promise<Result> => {
    const url = `${origin}${route.path}`;
    const headers = route.headers ?? {};
    // Warm up: compiled code paths, database connections, the page's first render.
    let bytes = 0;
    for (let i = 0; i < 10; i++) bytes = (await rawAnswer(url, headers).catch(() => null))?.body.length ?? 0;
    routeRss = 0;
    const headerArgs = Object.entries(headers).flatMap(([name, value]) => ["-H", `${name}: ${value}`]);
    console.log(`[${elapsed()}] wrk ${WRK_ARGS.join(" ")} ${headerArgs.join(" ")} ${url}`);
    const wrk = parseWrk(await run(WRK, [...WRK_ARGS, ...headerArgs, "-s", REPORT_LUA, url]));
    return { ...route, bytes, wrk, rssKb: routeRss };
  };
  // What the app sends for each route, with and without gzip, for the bare server to send.
  const GZIP = { "Accept-Encoding": "gzip" };
  const bareRoutes: Array<{ path: string; body: Buffer; headers: Record<string, string> }> = [];
  const bareOf = new Map<string, string>();
  for (const [i, route] of routes.entries()) {
    for (let n = 0; n < 10; n++) await fetchOk(`${base}${route.path}`); // kept by now
    for (const [suffix, headers] of [
      ["", {}],
      ["-gzip", GZIP],
    ] as const) {
      const answer = await rawAnswer(`${base}${route.path}`, headers);
      const barePath = `/${i}${suffix}`;
      bareRoutes.push({ path: barePath, ...answer });
      bareOf.set(`${route.path}${suffix}`, barePath);
    }
  }
  const articleEtag = bareRoutes[0]?.headers.etag;
  const bareBase = COMMENTS_ONLY ? "" : await startBareServer(dataDir!, bareRoutes);
  if (bareBase) console.log(`[${elapsed()}] Bare Node server up at ${bareBase}`);
  const measureWithBare = async (route: {
    name: string;
    path: string;
    headers?: Record<string, string>;
  }): Promise<Result> => {
    const app = await measure(route);
    const suffix = route.headers === GZIP ? "-gzip" : "";
    const bare = await measure(
      {
        name: `  bare Node, same bytes`,
        path: bareOf.get(`${route.path}${suffix}`)!,
        headers: route.headers,
      },
      bareBase,
    );
    app.bare = bare;
    return app;
  };

  const results: Result[] = [];
  let post: Result | undefined;
  // --statements: each statement's text and count over the posts made one at a time, and the
  // total over the wrk run. --cpu-prof: the wrk run's span on the clock the profile keeps.
  let countedStatements = new Map<string, number>();
  let wrkStatements = 0;
  const postWindow = { fromUs: 0, toUs: 0 };
  // CPU time over the wrk run: the server process, and the PostgreSQL backends serving it.
  const postCpu = { serverMs: 0, databaseMs: 0 };
  let postStored = { stored: 0, repeated: 0 };
  let firstSearches: FirstSearches | undefined;
  let afterEdit: AfterEdit | undefined;
  try {
    // Each page is compared with the static page nearest its own size, measured in this run.
    const yardsticks = new Map<string, Result>();
    for (const route of routes) {
      const yardstickPath = yardstickFor(await fetchOk(`${base}${route.path}`));
      if (!yardsticks.has(yardstickPath)) {
        const kb = yardstickPath.split("/").at(-1);
        const result = await measure({ name: `yardstick ${kb} KB (static)`, path: yardstickPath });
        yardsticks.set(yardstickPath, result);
        results.push(result);
      }
      const identity = await measureWithBare(route);
      results.push({ ...identity, yardstick: yardsticks.get(yardstickPath) }, identity.bare!);
      const gzip = await measureWithBare({ ...route, name: `${route.name}, gzip`, headers: GZIP });
      results.push(gzip, gzip.bare!);
    }
    if (articleEtag) {
      // Revalidation: the article's ETag back, answered 304 (by the bare server too).
      const notModified = { "If-None-Match": articleEtag };
      const app = await measure({ name: "article, 304", path: articlePath, headers: notModified });
      const bare = await measure({ name: "  bare Node, 304", path: "/0", headers: notModified }, bareBase);
      results.push({ ...app, bare }, bare);
    }

    if (!COMMENTS_ONLY) {
      console.log(`[${elapsed()}] First searches, one at a time…`);
      firstSearches = await measureFirstSearches(base, run8);
      console.log(`[${elapsed()}] ${EDITS} edits of /articles/${editedSlug}, the first request after each…`);
      afterEdit = await measureAfterEdit({
        baseUrl: base,
        distDir: DIST_DIR,
        databaseUrl: DATABASE_URL,
        admin: BENCH_ADMIN,
        slug: editedSlug,
        rounds: EDITS,
      });
    }

    // Last, so that nothing it writes can touch the pages measured above.
    await warmUpCommentPost(base, postArticleId, 10);
    if (counter) {
      counter.reset();
      await warmUpCommentPost(base, postArticleId, COUNTED_POSTS, 10);
      countedStatements = counter.counts();
      counter.reset();
    }
    routeRss = 0;
    const runTag = Date.now().toString(36);
    console.log(`[${elapsed()}] wrk ${POST_WRK_ARGS.join(" ")} -s comment-post.lua POST /api/comments`);
    const postArgs = [
      ...POST_WRK_ARGS,
      "-s",
      COMMENT_POST_LUA,
      `${base}/api/comments`,
      "--",
      postArticleId,
      runTag,
    ];
    const [serverCpuBefore, backendsBefore] = [await cpuMs(pid), await backendCpuMs()];
    postWindow.fromUs = monotonicMicros();
    const wrk = parseWrk(await run(WRK, postArgs));
    postWindow.toUs = monotonicMicros();
    postCpu.serverMs = (await cpuMs(pid)) - serverCpuBefore;
    for (const [backend, ms] of await backendCpuMs()) {
      postCpu.databaseMs += ms - (backendsBefore.get(backend) ?? 0);
    }
    wrkStatements = counter?.total() ?? 0;
    // What was stored, once the requests wrk left in flight have been answered.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    postStored = await storedCommentsOf(DATABASE_URL, runTag);
    post = { name: "comment POST (accepted)", path: "POST /api/comments", bytes: null, wrk, rssKb: routeRss };
  } finally {
    clearInterval(sampler);
  }

  if (!COMMENTS_ONLY) console.log(`[${elapsed()}] Measuring the JavaScript pages ship…`);
  const articleJs = COMMENTS_ONLY ? null : await scriptBytes(`${base}${articlePath}`);
  const emptyJs = COMMENTS_ONLY ? null : await scriptBytes(`${base}/bench-empty-page-${Date.now()}`);

  const statuses = post.wrk.statuses;
  const approved = statuses["201"] ?? 0;
  const held = statuses["202"] ?? 0;
  const accepted = approved + held;
  const postServerErrors = countOf(statuses, (status) => status >= 500);
  const postRefused = post.wrk.requests - accepted;
  const acceptedPerSecond = post.wrk.requests
    ? (post.wrk.requestsPerSecond * accepted) / post.wrk.requests
    : 0;

  const rows = [...results, post].map((r) => {
    const isPost = r === post;
    const ratio = r.yardstick
      ? (r.wrk.requestsPerSecond / r.yardstick.wrk.requestsPerSecond).toFixed(2)
      : "-";
    const bareRatio = r.bare ? (r.wrk.requestsPerSecond / r.bare.wrk.requestsPerSecond).toFixed(3) : "-";
    return [
      r.name,
      r.path.length > 44 ? `${r.path.slice(0, 41)}…` : r.path,
      r.bytes === null ? "-" : (r.bytes / 1024).toFixed(1),
      r.wrk.requestsPerSecond.toFixed(0),
      ratio,
      bareRatio,
      r.wrk.p50.toFixed(1),
      r.wrk.p95.toFixed(1),
      r.wrk.p99.toFixed(1),
      String((isPost ? postRefused : r.wrk.non2xx3xx) + r.wrk.socketErrors),
      isPost ? String(postServerErrors) : "-",
      (r.rssKb / 1024).toFixed(0),
    ];
  });
  const header = [
    "route",
    "path",
    "KB",
    "req/s",
    "ratio",
    "÷ bare",
    "p50 ms",
    "p95 ms",
    "p99 ms",
    "errors",
    "5xx",
    "RSS MB",
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
  console.log("");
  console.log(
    `Public pages, ${ARTICLES} articles / ${COMMENTS} comments, wrk ${WRK_ARGS.join(" ")}; ` +
      `comment POST, wrk ${POST_WRK_ARGS.join(" ")}:`,
  );
  console.log(line(header));
  console.log(line(widths.map((w) => "-".repeat(w))));
  for (const row of rows) console.log(line(row));
  console.log("");
  console.log(
    "Yardsticks: prerendered static pages /bench-static/<KB> of the same server. Ratio = route req/s ÷ " +
      "req/s of the yardstick nearest the route's size. ÷ bare = route req/s ÷ req/s of a bare Node " +
      "http server (another process) sending the same bytes from memory (the row below it); gzip rows " +
      "send Accept-Encoding: gzip, and the bare server the gzip bytes the app sent.",
  );
  console.log(
    "errors = non-2xx/3xx responses (for the comment POST: any answer but 201 or 202) + socket errors " +
      "(connect, read, write, timeout). A timeout is a response slower than wrk's 2 s limit; the " +
      "latency percentiles leave those requests out. 5xx is counted per status for the comment POST " +
      "only (page rows count every status in errors).",
  );
  for (const r of results.filter((r) => r.wrk.non2xx3xx + r.wrk.socketErrors > 0)) {
    console.log(`  ${r.name}: ${r.wrk.non2xx3xx} non-2xx/3xx; socket errors: ${r.wrk.socketDetail}`);
  }
  if (firstSearches) {
    const { latencies: searches, warmUp, found, empty, filtered, failures } = firstSearches;
    console.log(
      `First, uncached search: ${searches.count} searches nobody asked before, one at a time, each timed ` +
        `to the last byte of its page, after ${warmUp} warm-up searches (not counted): ` +
        `${formatLatencies(searches)}; ${found} with results, ${empty} without, ${filtered} narrowed to a ` +
        `tag or a source; ${searches.count - failures.length} of ${searches.count} answered 200, rendered ` +
        `anew by Next (x-nextjs-cache not HIT; a script nonce, so not from the launcher's memory).`,
    );
    for (const failure of failures) console.log(`  ${failure}`);
  }
  if (afterEdit) {
    const { afterEdit: edited, plainMiss, failures } = afterEdit;
    console.log(
      `First request after an edit: ${edited.count} saves of a new title for /articles/${editedSlug} ` +
        `(saveArticle, as the bench's admin), each followed by one GET timed to the last byte: ` +
        `${formatLatencies(edited)}. The same page after the same invalidation without an edit (its ` +
        `tags announced as another instance announces them), ${plainMiss.count} times in between: ` +
        `${formatLatencies(plainMiss)}. After an edit ÷ plain miss, p50: ` +
        `${(edited.p50 / plainMiss.p50).toFixed(2)}. ${edited.count + plainMiss.count - failures.length} of ` +
        `${edited.count + plainMiss.count} answered 200, rendered anew, with the latest title.`,
    );
    for (const failure of failures) console.log(`  ${failure}`);
  }
  const byStatus = Object.entries(statuses)
    .map(([status, n]) => `${status}: ${n}`)
    .join(", ");
  console.log(
    `Comment POST: ${post.wrk.requests} requests, ${accepted} accepted (${approved} approved 201, ` +
      `${held} held 202), ${acceptedPerSecond.toFixed(0)} accepted/s; by status ${byStatus || "none"}; ` +
      `socket errors: ${post.wrk.socketDetail}. Stored: ${postStored.stored} comments ` +
      `(wrk stops with up to ${POST_CONNECTIONS} requests in flight, stored but not counted), ` +
      `${postStored.repeated} of them twice. CPU per accepted POST: server ` +
      `${(postCpu.serverMs / Math.max(accepted, 1)).toFixed(2)} ms, PostgreSQL ` +
      `${(postCpu.databaseMs / Math.max(accepted, 1)).toFixed(2)} ms (over the run: ` +
      `${postCpu.serverMs.toFixed(0)} ms and ${postCpu.databaseMs.toFixed(0)} ms). ` +
      `Each a new reader's first comment on /articles/bulk-${run8}-3, from its own X-Forwarded-For ` +
      `(TRUSTED_PROXY=127.0.0.1).`,
  );
  if (counter) {
    const counted = [...countedStatements].sort((a, b) => b[1] - a[1]);
    const total = counted.reduce((sum, [, n]) => sum + n, 0);
    console.log(
      `SQL statements per accepted POST: ${(total / COUNTED_POSTS).toFixed(2)} over ${COUNTED_POSTS} posts ` +
        `made one at a time; ${(wrkStatements / Math.max(accepted, 1)).toFixed(2)} over the wrk run ` +
        `(${wrkStatements} statements, background work such as the job queue's included). Per post:`,
    );
    for (const [text, n] of counted) {
      console.log(`  ${(n / COUNTED_POSTS).toFixed(2).padStart(6)}  ${text.slice(0, 150)}`);
    }
  }
  const verdict = (ok: boolean) => (ok ? "met" : "MISSED");
  console.log(
    `Target (issue 19): comment POST p95 ${post.wrk.p95.toFixed(1)} ms ≤ 100 ms ` +
      `${verdict(post.wrk.p95 <= 100)}, ${acceptedPerSecond.toFixed(0)} accepted/s ≥ 300 ` +
      `${verdict(acceptedPerSecond >= 300)}, zero 5xx ${verdict(postServerErrors === 0)}, every accepted ` +
      `comment stored once ${verdict(postStored.stored >= accepted && postStored.repeated === 0)}.`,
  );
  if (CPU_PROFILE_DIR) {
    // The profile is written when the server exits.
    await server.stop();
    server = undefined;
    const profile = await serverProfile(CPU_PROFILE_DIR, pid);
    console.log(`Server CPU profile ${profile}, during the comment POST run:`);
    printProfileSummary(summarizeProfile(profile, 30, postWindow));
  }
  if (COMMENTS_ONLY || !discussion || !articleJs || !emptyJs) {
    console.log(`Done in ${elapsed()}.`);
  } else {
    console.log(
      `${discussionPath}: ${discussion.approved} approved comments (${discussion.replies} replies); ` +
        `the page's HTML carries ${discussionShown} of them.`,
    );
    const ratioOf = (r: Result) => r.wrk.requestsPerSecond / r.yardstick!.wrk.requestsPerSecond;
    const pageRows = results.filter((r) => r.yardstick);
    const discussionRow = pageRows.find((r) => r.path === discussionPath)!;
    console.log(
      `Targets (issue 7): comment POST p95 ${post.wrk.p95.toFixed(1)} ms ≤ 100 ms: ` +
        `${verdict(post.wrk.p95 <= 100)}; zero 5xx: ${verdict(postServerErrors === 0)}. ` +
        `Article with ${LONG_DISCUSSION} comments: ratio ${ratioOf(discussionRow).toFixed(2)} ≥ 0.8: ` +
        `${verdict(ratioOf(discussionRow) >= 0.8)}.`,
    );
    const targets = pageRows.map((r) => {
      const isSearch = r.name === "search";
      const minRatio = isSearch ? 0.3 : 0.8;
      const maxP99 = isSearch ? 150 : 50;
      const errors = r.wrk.non2xx3xx + r.wrk.socketErrors;
      return (
        `${r.name}: ratio ${ratioOf(r).toFixed(2)} ≥ ${minRatio} ${verdict(ratioOf(r) >= minRatio)}, ` +
        `p99 ${r.wrk.p99.toFixed(1)} ≤ ${maxP99} ms ${verdict(r.wrk.p99 <= maxP99)} ` +
        `(its yardstick's p99: ${r.yardstick!.wrk.p99.toFixed(1)} ms), errors ${errors} ${verdict(errors === 0)}`
      );
    });
    console.log(`Targets (issue 6):\n  ${targets.join("\n  ")}`);
    const bareTargets = results
      .filter((r) => r.bare)
      .map((r) => {
        const bare = r.bare!;
        const ratio = r.wrk.requestsPerSecond / bare.wrk.requestsPerSecond;
        const minRatio = r.name.startsWith("search") ? 0.2 : 0.3;
        const errors = r.wrk.non2xx3xx + r.wrk.socketErrors;
        // A 304 is not a 2xx: wrk counts it as fine (non-2xx/3xx only).
        return (
          `${r.name}: ${ratio.toFixed(3)} of bare ≥ ${minRatio} ${verdict(ratio >= minRatio)}, ` +
          `p99 ${r.wrk.p99.toFixed(1)} ≤ 3 × ${bare.wrk.p99.toFixed(1)} ms ${verdict(r.wrk.p99 <= 3 * bare.wrk.p99)}, ` +
          `errors ${errors} ${verdict(errors === 0)}`
        );
      });
    console.log(
      `Targets (issue 19, against the bare Node server on the same bytes):\n  ${bareTargets.join("\n  ")}`,
    );
    console.log(`  server RSS ${(maxRss / 1024).toFixed(0)} MB < 400 MB: ${verdict(maxRss / 1024 < 400)}`);
    if (firstSearches && afterEdit) {
      const search = firstSearches.latencies;
      const { afterEdit: edited, plainMiss } = afterEdit;
      console.log(
        `  first, uncached search: p50 ${search.p50.toFixed(1)} ≤ 50 ms ${verdict(search.p50 <= 50)}, ` +
          `each a miss ${verdict(firstSearches.failures.length === 0)}`,
      );
      const noSlower = edited.p50 <= AFTER_EDIT_TOLERANCE * plainMiss.p50;
      console.log(
        `  first request after an edit: p50 ${edited.p50.toFixed(1)} ≤ ${AFTER_EDIT_TOLERANCE} × ` +
          `${plainMiss.p50.toFixed(1)} ms (a plain miss of the same page, this build) ${verdict(noSlower)}, ` +
          `each a miss showing the edit ${verdict(afterEdit.failures.length === 0)}`,
      );
    }
    console.log(`Max server RSS (next-server, pid ${pid}, every 500 ms): ${(maxRss / 1024).toFixed(0)} MB`);
    console.log(
      `JavaScript, gzip: article page ${(articleJs.gzip / 1024).toFixed(1)} KB in ${articleJs.files} files; ` +
        `empty page ${(emptyJs.gzip / 1024).toFixed(1)} KB in ${emptyJs.files} files; ` +
        `difference ${((articleJs.gzip - emptyJs.gzip) / 1024).toFixed(1)} KB`,
    );
    console.log(`Done in ${elapsed()}.`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  if (server) console.error(`--- server output (tail) ---\n${server.output().slice(-4000)}`);
  process.exitCode = 1;
} finally {
  await cleanup();
}
