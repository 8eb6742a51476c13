// npm run bench:cluster — the public pages of `npm run bench` (the same data set, routes and wrk
// settings: bench-site.ts, wrk.ts), through nginx (scripts/cluster/nginx-config.ts, one worker per
// core as Debian's nginx.conf has it) in front of one, two and three instances of the production
// build that share their pages in Redis, and in front of one instance with its own in-process
// cache (no REDIS_URL), which shows what the shared cache costs. The launcher's memory of public
// answers (PAGE_MEMORY_MB) answers most page loads before Next's cache is asked, so the two
// one-instance setups are measured once more with it off, where every request meets that cache.
// For each setup: req/s and p99 per route, and each instance's peak resident memory (VmRSS,
// sampled every 500 ms); printed as a markdown table.
//
// Needs what `npm run bench` needs (a build, wrk, a local PostgreSQL: BENCH_DATABASE_URL; its own
// database, crosscurrent_bench_cluster, is created and dropped), nginx, and Redis
// (BENCH_REDIS_URL, default redis://127.0.0.1:6379; every key goes under a prefix of this run's
// own and is deleted at the end). `-- --articles N --comments N` seeds a smaller data set.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { buildDir } from "@/lib/platform/server/build-dir";
import { appServerPids, residentKb } from "../../tests/support/app-processes";
import { freePort, startAppServer, type AppServer } from "../../tests/support/app-server";
import { deleteRedisKeys, redisKeys } from "../../tests/support/redis-keys";
import { withDatabase } from "../../tests/support/test-database-url";
import { assertNginxInstalled, startNginx, type Nginx } from "../cluster/nginx-process";
import {
  ARTICLES,
  BENCH_ADMIN,
  benchPrerequisiteMissing,
  COMMENTS,
  pageRoutes,
  seedBulkSite,
  sql,
} from "./bench-site";
import { guardRun, killAll, run } from "./processes";
import { parseWrk, REPORT_LUA, WRK, WRK_ARGS, type WrkResult } from "./wrk";

process.chdir(path.resolve(import.meta.dirname, "../.."));

const SERVER_URL = process.env.BENCH_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
const DATABASE = "crosscurrent_bench_cluster";
const DATABASE_URL = withDatabase(SERVER_URL, DATABASE);
const REDIS_URL = process.env.BENCH_REDIS_URL || "redis://127.0.0.1:6379";
const KEY_PREFIX = `crosscurrent-bench-cluster-${randomBytes(4).toString("hex")}-`;
const DEADLINE_MS = 1_500_000; // the whole run stays under 25 minutes
/** Requests per route and instance through nginx before wrk: first renders, compiled code paths. */
const WARM_UPS = 10;

interface Setup {
  label: string;
  instances: number;
  redis: boolean;
  pageMemory: boolean;
}

const SETUPS: Setup[] = [
  { label: "1 × in-process", instances: 1, redis: false, pageMemory: true },
  { label: "1 × Redis", instances: 1, redis: true, pageMemory: true },
  { label: "2 × Redis", instances: 2, redis: true, pageMemory: true },
  { label: "3 × Redis", instances: 3, redis: true, pageMemory: true },
  { label: "1 × in-process, no page memory", instances: 1, redis: false, pageMemory: false },
  { label: "1 × Redis, no page memory", instances: 1, redis: true, pageMemory: false },
];

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const { values: options } = parseArgs({
  options: { articles: { type: "string" }, comments: { type: "string" } },
});
const sizes = {
  articles: Number(options.articles ?? ARTICLES),
  comments: Number(options.comments ?? COMMENTS),
};
if (!Number.isInteger(sizes.articles) || sizes.articles < 3 || !Number.isInteger(sizes.comments)) {
  fail("--articles takes a whole number of at least 3, --comments a whole number.");
}
const missing = benchPrerequisiteMissing(SERVER_URL);
if (missing) fail(missing);
try {
  assertNginxInstalled();
  await redisKeys(REDIS_URL, `${KEY_PREFIX}*`);
} catch (error) {
  fail((error as Error).message || `Redis does not answer at ${REDIS_URL} (BENCH_REDIS_URL).`);
}

// ─── Cleanup, whatever happens ───────────────────────────────────────────────

const servers = new Set<AppServer>();
let nginx: Nginx | undefined;
let dataDir: string | undefined;
let cleaning: Promise<void> | undefined;

function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    killAll();
    await nginx?.stop().catch(() => {});
    await Promise.all([...servers].map((server) => server.stop().catch(() => {})));
    await sql(SERVER_URL, `drop database if exists ${DATABASE} with (force)`).catch((error: Error) =>
      console.error(`Could not drop ${DATABASE}: ${error.message}`),
    );
    await deleteRedisKeys(REDIS_URL, KEY_PREFIX).catch((error: Error) =>
      console.error(`Could not delete the Redis keys under ${KEY_PREFIX}: ${error.message}`),
    );
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  })();
  return cleaning;
}

const elapsed = guardRun(cleanup, DEADLINE_MS);

// ─── One setup ───────────────────────────────────────────────────────────────

interface SetupResult {
  setup: Setup;
  /** By route path. */
  wrk: Map<string, WrkResult>;
  /** Peak VmRSS of each instance, kB. */
  peakRssKb: number[];
}

function appEnv(
  setup: Setup,
  index: number,
  siteUrl: string,
  instanceDir: string,
): Record<string, string | undefined> {
  return {
    DATABASE_URL,
    DATA_DIR: instanceDir,
    AUTH_SECRET: "bench-secret-bench-secret-bench-secret-bench",
    SEED_ADMIN_EMAIL: BENCH_ADMIN.email,
    SEED_ADMIN_PASSWORD: BENCH_ADMIN.password,
    NEXT_DIST_DIR: buildDir(),
    // One public origin behind nginx, which connects from this machine.
    SITE_URL: siteUrl,
    TRUSTED_PROXY: "127.0.0.1",
    MEDIA_STORAGE: "postgres",
    // A prefix of the setup's own: each setup starts with an empty shared cache.
    REDIS_URL: setup.redis ? REDIS_URL : undefined,
    REDIS_KEY_PREFIX: setup.redis ? `${KEY_PREFIX}${index}:` : undefined,
    PAGE_MEMORY_MB: setup.pageMemory ? undefined : "0",
  };
}

async function measureSetup(
  setup: Setup,
  index: number,
  routes: Array<{ name: string; path: string }>,
): Promise<SetupResult> {
  const [nginxPort, ...ports] = await Promise.all(
    Array.from({ length: setup.instances + 1 }, () => freePort()),
  );
  const siteUrl = `http://127.0.0.1:${nginxPort}`;
  const instances = await Promise.all(
    ports.map(async (port, n) => {
      const instanceDir = path.join(dataDir!, `setup-${index}-instance-${n}`);
      const server = await startAppServer(appEnv(setup, index, siteUrl, instanceDir), { port });
      servers.add(server);
      return { server, pids: await appServerPids(server.baseUrl) };
    }),
  );
  nginx = await startNginx({ listenPort: nginxPort!, instancePorts: ports, workerProcesses: "auto" });
  console.log(`[${elapsed()}] ${setup.label}: nginx at ${nginx.url} in front of ${ports.join(", ")}`);

  const rssOf = async (pids: number[]) =>
    (await Promise.all(pids.map(residentKb))).reduce((a, b) => a + b, 0);
  const peakRssKb = await Promise.all(instances.map((instance) => rssOf(instance.pids)));
  const sampler = setInterval(() => {
    instances.forEach((instance, n) => {
      void rssOf(instance.pids).then((kb) => (peakRssKb[n] = Math.max(peakRssKb[n]!, kb)));
    });
  }, 500);

  const wrk = new Map<string, WrkResult>();
  try {
    for (const route of routes) {
      const url = `${nginx.url}${route.path}`;
      for (let i = 0; i < WARM_UPS * setup.instances; i++) {
        const response = await fetch(url);
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${url} answered ${response.status} (${setup.label})`);
      }
      console.log(`[${elapsed()}] ${setup.label}: wrk ${WRK_ARGS.join(" ")} ${url}`);
      wrk.set(route.path, parseWrk(await run(WRK, [...WRK_ARGS, "-s", REPORT_LUA, url])));
    }
  } finally {
    clearInterval(sampler);
    await nginx.stop();
    nginx = undefined;
    for (const { server } of instances) {
      await server.stop();
      servers.delete(server);
    }
  }
  return { setup, wrk, peakRssKb };
}

// ─── The run ─────────────────────────────────────────────────────────────────

function markdownTable(results: SetupResult[], routes: Array<{ name: string; path: string }>): string {
  const header = ["route", ...results.map((r) => r.setup.label)];
  const cell = (result: WrkResult) => {
    const errors = result.non2xx3xx + result.socketErrors;
    const measured = `${result.requestsPerSecond.toFixed(0)} req/s, p99 ${result.p99.toFixed(1)} ms`;
    return errors > 0 ? `${measured} (${errors} errors)` : measured;
  };
  const rows = [
    ...routes.map((route) => [route.name, ...results.map((r) => cell(r.wrk.get(route.path)!))]),
    [
      "peak RSS per instance",
      ...results.map((r) => r.peakRssKb.map((kb) => `${(kb / 1024).toFixed(0)} MB`).join(" / ")),
    ],
  ];
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map((_, i) => (i === 0 ? "---" : "---:"))), ...rows.map(line)].join("\n");
}

try {
  await sql(SERVER_URL, `drop database if exists ${DATABASE} with (force)`);
  await sql(SERVER_URL, `create database ${DATABASE}`);
  dataDir = await mkdtemp(path.join(tmpdir(), "crosscurrent-bench-cluster-"));

  // One instance migrates and seeds the demo content into the empty database; bulk data goes in after.
  const seedEnv = appEnv(SETUPS[0]!, 0, "http://127.0.0.1", path.join(dataDir, "seed"));
  const seeder = await startAppServer(seedEnv);
  servers.add(seeder);
  console.log(`[${elapsed()}] Seeding ${sizes.articles} articles, ${sizes.comments} comments…`);
  const site = await seedBulkSite(seedEnv, sizes);
  console.log(`[${elapsed()}] ${site.summary}`);
  await seeder.stop();
  servers.delete(seeder);
  const routes = pageRoutes(site);

  const results: SetupResult[] = [];
  for (const [index, setup] of SETUPS.entries()) results.push(await measureSetup(setup, index, routes));

  console.log("");
  console.log(
    `Public pages through nginx, ${sizes.articles} articles / ${sizes.comments} comments, ` +
      `wrk ${WRK_ARGS.join(" ")} per route; ${availableParallelism()} cores shared by wrk, nginx ` +
      `(one worker per core), the instances, PostgreSQL and Redis. "in-process": no REDIS_URL, each ` +
      `instance caches alone; "no page memory": PAGE_MEMORY_MB=0. Errors: non-2xx/3xx answers and ` +
      `socket errors (a timeout is an answer slower than wrk's 2 s).`,
  );
  console.log("");
  console.log(markdownTable(results, routes));
  console.log("");
  console.log(`Done in ${elapsed()}.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  for (const server of servers)
    console.error(`--- server output (tail) ---\n${server.output().slice(-4000)}`);
  process.exitCode = 1;
} finally {
  await cleanup();
}
