// Beyond one server: Debian's nginx (scripts/cluster/nginx-config.ts, as docs/production.md shows
// it) in front of three instances of the one build on one fresh database, media in PostgreSQL,
// pages shared in Redis under a key prefix of this run's own. A publication and a revocation made
// through instance A reach nginx's answers and every instance's own within a second; an image
// uploaded through A is served by B and C. Then C is killed with SIGKILL while readers and
// commenters keep nginx busy: nginx fails over, every acknowledged comment is in the database
// exactly once, and after the failover nothing answers 5xx. C restarted on its port rejoins, and
// serves a page that A rendered as a hit from the shared cache.
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INVALIDATION_CHANNEL } from "@/lib/platform/cache/invalidate";
import { cacheTag } from "@/lib/platform/cache/tags";
import { readBuildIdentity } from "@/lib/platform/server/build-identity";
import { NEXT_REQUEST_COUNT_HEADER } from "@/lib/platform/server/next-request-count";
import { startNginx, type AccessLogLine, type Nginx } from "../../scripts/cluster/nginx-process";
import { appServerPids, killAppServer } from "../support/app-processes";
import { freePort, startAppServer, type AppServer } from "../support/app-server";
import { adminQuery } from "../support/int-global-setup";
import { deleteRedisKeys, escapeGlob, redisKeys } from "../support/redis-keys";
import { callServerAction, distDir, serverActionId, signInOverHttp } from "../support/server-actions";
import { testServerUrl, withDatabase } from "../support/test-database-url";
import { publishedReprint, revoke } from "../support/webhooks";

const ADMIN = { email: "cluster-admin@crosscurrent.test", password: "a long cluster password" };
const AUTH_SECRET = "cluster-test-secret-cluster-test-secret-0";
const ARTICLE_ACTIONS = "app/(admin)/admin/articles/actions.ts";
const SEED_SLUG = "today-there-is-a-special-background-for-high-level-calls-between-china-and-japan";
const REDIS_URL = "redis://127.0.0.1:6379";
const run = randomBytes(4).toString("hex");
const REDIS_KEY_PREFIX = `crosscurrent-test-cluster-${run}:`;

const serverUrl = testServerUrl();
if (!serverUrl) throw new Error("Three instances need a PostgreSQL server: set TEST_DATABASE_URL.");
const database = `crosscurrent_cluster_${run}`;
const databaseUrl = withDatabase(serverUrl, database);

interface Instance {
  name: "A" | "B" | "C";
  port: number;
  server: AppServer;
}

let nginx: Nginx;
let instances: Instance[] = [];
const dataDirs: string[] = [];
/** Every server started, the killed one and its successor included, for afterAll. */
const servers: AppServer[] = [];
let sql: pg.Client;
const byName = (name: Instance["name"]) => instances.find((instance) => instance.name === name)!;

async function startInstance(name: Instance["name"], port: number, siteUrl: string): Promise<Instance> {
  const dataDir = await mkdtemp(path.join(tmpdir(), `crosscurrent-cluster-${name}-`));
  dataDirs.push(dataDir);
  const server = await startAppServer(
    {
      DATABASE_URL: databaseUrl,
      TEST_DATABASE_URL: undefined,
      DATA_DIR: dataDir,
      AUTH_SECRET,
      SEED_ADMIN_EMAIL: ADMIN.email,
      SEED_ADMIN_PASSWORD: ADMIN.password,
      // One public origin for all three, as behind one load balancer; nginx connects from here.
      SITE_URL: siteUrl,
      TRUSTED_PROXY: "127.0.0.1",
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: readBuildIdentity(distDir()).encryptionKey,
      MEDIA_STORAGE: "postgres",
      REDIS_URL,
      REDIS_KEY_PREFIX,
      EXPOSE_NEXT_REQUEST_COUNT: "true",
      LOG_LEVEL: "warn",
    },
    { port },
  );
  servers.push(server);
  return { name, port, server };
}

beforeAll(async () => {
  await adminQuery(serverUrl, `create database ${database}`);
  sql = new pg.Client({ connectionString: databaseUrl });
  await sql.connect();
  const [nginxPort, ...ports] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  const siteUrl = `http://127.0.0.1:${nginxPort}`;
  // A first: it applies the migrations and seeds. Then B and C together.
  instances.push(await startInstance("A", ports[0]!, siteUrl));
  instances.push(
    ...(await Promise.all([startInstance("B", ports[1]!, siteUrl), startInstance("C", ports[2]!, siteUrl)])),
  );
  nginx = await startNginx({ listenPort: nginxPort!, instancePorts: ports });
}, 180_000);

afterAll(async () => {
  await nginx?.stop();
  await Promise.all(servers.map((server) => server.stop()));
  await sql?.end();
  await adminQuery(serverUrl, `drop database if exists ${database} with (force)`);
  await Promise.all(dataDirs.map((dir) => rm(dir, { recursive: true, force: true })));
  await deleteRedisKeys(REDIS_URL, REDIS_KEY_PREFIX);
});

function paragraph(text: string) {
  return { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] };
}

/** nginx, then each instance directly. */
const everyOrigin = () => [
  { name: "nginx", url: nginx.url },
  ...instances.map((instance) => ({ name: instance.name, url: instance.server.baseUrl })),
];

/**
 * Asks every origin again and again whether `check` holds yet, and returns, per origin, when (ms
 * after `since`) the first request that found it held was sent; Infinity when a request sent a
 * second or more after `since` still did not find it. Timed by when a request was sent, not when
 * its answer came: on a busy machine an answer can take longer than the change took to spread.
 */
async function firstSeen(since: number, check: (origin: string) => Promise<boolean>) {
  return Object.fromEntries(
    await Promise.all(
      everyOrigin().map(async ({ name, url }) => {
        for (;;) {
          const sent = performance.now() - since;
          if (await check(url)) return [name, Math.round(sent)] as const;
          if (sent >= 1_000) return [name, Infinity] as const;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }),
    ),
  );
}

/**
 * A desk request sent straight to one instance as if from the public site: from a page of the
 * public origin, for the public host (Next runs a server action only when the two agree; fetch
 * cannot set Host, so the host goes in X-Forwarded-Host, which Next reads first).
 */
const asFromThePublicSite = (cookie: string) => ({
  cookie,
  origin: nginx.url,
  headers: { "X-Forwarded-Host": new URL(nginx.url).host },
});

const statusOf = async (url: string) => {
  const response = await fetch(url);
  await response.arrayBuffer();
  return response.status;
};

let article: { id: string; slug: string; title: string };

// ─── Load through nginx ──────────────────────────────────────────────────────

const READERS = 4;
const COMMENTERS = 2;
/** Answered reads and acknowledged comments, sent after the kill, before the load stops. */
const READS_AFTER_KILL = 30;
const COMMENTS_AFTER_KILL = 10;

interface LoadRequest {
  kind: "read" | "comment";
  path: string;
  /** performance.now() when it was sent and when its answer had fully arrived (or failed). */
  started: number;
  ended: number;
  /** null: no HTTP answer at all (`error` says why). */
  status: number | null;
  error?: string;
  /** The X-Request-Id the app answered with: nginx's $request_id, as in its access log. */
  requestId: string | null;
  /** The comment's own mark, in its body. */
  marker?: string;
}

async function timed(
  request: Pick<LoadRequest, "kind" | "path" | "marker">,
  send: () => Promise<Response>,
): Promise<LoadRequest> {
  const started = performance.now();
  try {
    const response = await send();
    await response.arrayBuffer();
    const requestId = response.headers.get("x-request-id");
    return { ...request, started, ended: performance.now(), status: response.status, requestId };
  } catch (error) {
    const message = (error as Error & { cause?: Error }).cause?.message ?? (error as Error).message;
    return { ...request, started, ended: performance.now(), status: null, error: message, requestId: null };
  }
}

/** Readers on three public pages and commenters on the article, as fast as answers come, through `base`. */
function startLoad(base: string, target: { id: string; slug: string }) {
  const requests: LoadRequest[] = [];
  const readPaths = ["/", `/articles/${target.slug}`, "/feed.xml"];
  let running = true;
  let sent = 0;
  const reader = async (first: number) => {
    for (let i = first; running; i++) {
      const pagePath = readPaths[i % readPaths.length]!;
      requests.push(await timed({ kind: "read", path: pagePath }, () => fetch(`${base}${pagePath}`)));
    }
  };
  const commenter = async () => {
    while (running) {
      const n = sent++;
      const marker = `cluster-load-${run}-${n}`;
      const comment = {
        articleId: target.id,
        name: `Harbour reader ${n}`,
        email: `${marker}@example.com`,
        website: "",
        body: `The pilots say the new quay changes the tides of trade (${marker}).`,
        website2: "",
      };
      const post = () =>
        fetch(`${base}/api/comments`, {
          method: "POST",
          headers: {
            "Content-Type": "application/json",
            // A reader of their own each (198.18.0.0/15 is for benchmarks): no per-address limit trips.
            "X-Forwarded-For": `198.18.${n >> 8}.${n & 255}`,
          },
          body: JSON.stringify(comment),
        });
      requests.push(await timed({ kind: "comment", path: "/api/comments", marker }, post));
    }
  };
  const loops = Promise.all([
    ...Array.from({ length: READERS }, (_, i) => reader(i)),
    ...Array.from({ length: COMMENTERS }, () => commenter()),
  ]);
  return {
    /** The requests finished so far. */
    requests,
    async stop(): Promise<LoadRequest[]> {
      running = false;
      await loops;
      return requests;
    },
  };
}

/** A read answered 200, a comment acknowledged (201 approved, 202 held for moderation). */
function isAnswered(request: LoadRequest): boolean {
  return request.kind === "read" ? request.status === 200 : request.status === 201 || request.status === 202;
}

function describeRequest(request: LoadRequest): string {
  const answer = request.status ?? `no answer (${request.error})`;
  return `${request.kind} ${request.path} ${request.marker ?? ""} → ${answer}`;
}

/** Whether nginx tried `address` for this request and then passed it to another instance. */
function triedThenPassedOn(line: AccessLogLine, address: string): boolean {
  const tried = line.upstream.split(", ");
  return tried.length > 1 && tried.slice(0, -1).includes(address);
}

/** Waits until the shared cache holds a key naming `text` (under this run's prefix). */
async function waitForRedisKey(text: string) {
  const pattern = `${escapeGlob(REDIS_KEY_PREFIX)}*${escapeGlob(text)}*`;
  await expect
    .poll(async () => (await redisKeys(REDIS_URL, pattern)).length, { timeout: 5_000, interval: 50 })
    .toBeGreaterThan(0);
}

describe("three instances behind nginx", () => {
  it("shows an article published through A, through nginx and on every instance, within a second", async () => {
    const a = byName("A").server.baseUrl;
    const cookie = await signInOverHttp(a, ADMIN.email, ADMIN.password);
    const title = `Cluster harbour ${run}`;
    const created = await callServerAction<{ ok: boolean; data: { id: string; version: number } }>(
      a,
      "/admin/articles/new",
      await serverActionId(ARTICLE_ACTIONS, "createArticle"),
      [{ title, body: paragraph(`Three instances and one harbour, ${run}.`) }],
      asFromThePublicSite(cookie),
    );
    expect(created.result?.ok, created.body.slice(0, 300)).toBe(true);
    const { id, version } = created.result!.data;
    // Every origin holds the home page as it was before.
    await Promise.all(
      everyOrigin().map(async ({ name, url }) => {
        const home = await (await fetch(`${url}/`)).text();
        expect(home, name).not.toContain(title);
      }),
    );

    const published = await callServerAction<{ ok: boolean; data: { server: { slug: string } } }>(
      a,
      `/admin/articles/${id}`,
      await serverActionId(ARTICLE_ACTIONS, "publishArticle"),
      [{ id, version }],
      asFromThePublicSite(cookie),
    );
    const done = performance.now();
    expect(published.result?.ok, published.body.slice(0, 300)).toBe(true);
    const slug = published.result!.data.server.slug;
    article = { id, slug, title };

    const times = await firstSeen(
      done,
      async (origin) =>
        (await statusOf(`${origin}/articles/${slug}`)) === 200 &&
        (await (await fetch(`${origin}/`)).text()).includes(title),
    );
    console.log(
      `Publication, first request to see it sent at (ms after A answered): ${JSON.stringify(times)}`,
    );
    for (const [name, ms] of Object.entries(times)) expect(ms, name).toBeLessThan(1_000);
  });

  it("answers 451 through nginx and on every instance within a second of a revocation through A", async () => {
    const a = byName("A").server.baseUrl;
    const cookie = await signInOverHttp(a, ADMIN.email, ADMIN.password);
    const reprint = await publishedReprint(sql);
    const pagePath = `/articles/${reprint.slug}`;
    // Written straight to the database, so announced as another instance would announce it.
    const announcement = { from: "cluster-test", tags: [cacheTag.articles] };
    await sql.query(`select pg_notify($1, $2)`, [INVALIDATION_CHANNEL, JSON.stringify(announcement)]);
    // Read everywhere first, so every cache holds the page.
    await Promise.all(
      everyOrigin().map(({ name, url }) =>
        expect.poll(() => statusOf(`${url}${pagePath}`), { message: name, timeout: 5_000 }).toBe(200),
      ),
    );

    await revoke(a, cookie, reprint.authorization);
    const done = performance.now();
    const times = await firstSeen(done, async (origin) => (await statusOf(`${origin}${pagePath}`)) === 451);
    console.log(
      `Revocation, first request to see it sent at (ms after A answered): ${JSON.stringify(times)}`,
    );
    for (const [name, ms] of Object.entries(times)) expect(ms, name).toBeLessThan(1_000);
  });

  it("serves through B and C an image uploaded through A", async () => {
    const a = byName("A").server.baseUrl;
    const cookie = await signInOverHttp(a, ADMIN.email, ADMIN.password);
    const png = await sharp({ create: { width: 640, height: 400, channels: 3, background: "#2a7a5a" } })
      .png()
      .toBuffer();
    const form = new FormData();
    form.set("file", new Blob([new Uint8Array(png)], { type: "image/png" }), "cluster.png");
    form.set("alt", "A green rectangle");
    const upload = await fetch(`${a}/api/admin/media`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: a },
      body: form,
    });
    expect(upload.status).toBe(200);
    const { data } = (await upload.json()) as {
      data: { url: string; sha256: string; variants: { url: string }[] };
    };
    for (const name of ["B", "C"] as const) {
      const base = byName(name).server.baseUrl;
      const original = await fetch(`${base}${data.url}`);
      expect(original.status, name).toBe(200);
      expect(original.headers.get("content-type"), name).toBe("image/png");
      const bytes = new Uint8Array(await original.arrayBuffer());
      expect(createHash("sha256").update(bytes).digest("hex"), name).toBe(data.sha256);
      const variant = await fetch(`${base}${data.variants[0]!.url}`);
      expect(variant.status, name).toBe(200);
      expect(variant.headers.get("content-type"), name).toBe("image/webp");
      await variant.arrayBuffer();
    }
  });

  it("fails over when C is killed under load: no acknowledged comment lost, no 5xx after the failover", async () => {
    expect(article, "the published article of the first test").toBeDefined();
    const c = byName("C");
    const load = startLoad(nginx.url, article);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const killSent = performance.now();
    await killAppServer(c.server.baseUrl);
    while ((await appServerPids(c.server.baseUrl)).length > 0) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    // C's process is gone, and with it every connection it had: from here on nginx can only fail over.
    const killed = performance.now();
    // The load goes on for 3 s at least, and until enough has been read and written after the failover.
    const answeredAfterKill = (kind: LoadRequest["kind"]) =>
      load.requests.filter((r) => r.kind === kind && r.started >= killed && isAnswered(r)).length;
    while (
      performance.now() - killed < 3_000 ||
      answeredAfterKill("read") < READS_AFTER_KILL ||
      answeredAfterKill("comment") < COMMENTS_AFTER_KILL
    ) {
      if (performance.now() - killed > 30_000) break; // the assertions below say what was missing
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const requests = await load.stop();
    const log = await nginx.accessLog();

    // Allowed, and only this: a request under way when C died (sent before its death was certain,
    // finished after the kill) that nginx had passed to C, answered 502 (nothing came back from C)
    // or cut off (C's answer had begun, so nginx could not pass the request on). A comment POST
    // among them was not acknowledged: nginx never passes on a write that reached an instance, and
    // the check below shows it is in the database at most once.
    const underWayAtKill = (r: LoadRequest) =>
      r.started < killed && r.ended >= killSent && (r.status === 502 || r.status === null);
    const allowed = requests.filter(underWayAtKill);
    const unexpected = requests.filter((r) => !underWayAtKill(r) && !isAnswered(r));
    const afterFailover = requests.filter((r) => r.started >= killed);
    const acknowledged = requests.filter((r) => r.kind === "comment" && isAnswered(r));
    console.log(
      `Under load: ${requests.length} requests (${requests.filter((r) => r.kind === "read").length} reads, ` +
        `${requests.filter((r) => r.kind === "comment").length} comment POSTs, ${acknowledged.length} acknowledged); ` +
        `${afterFailover.length} sent after C died, all answered; under way at the kill and not answered: ` +
        `${JSON.stringify(allowed.map(describeRequest))}.`,
    );
    expect(unexpected.map(describeRequest), "answers other than 200 (reads), 201 / 202 (comments)").toEqual(
      [],
    );
    expect(allowed.length, "at most one request under way per reader and commenter").toBeLessThanOrEqual(
      READERS + COMMENTERS,
    );
    expect(afterFailover.filter((r) => r.kind === "read" && isAnswered(r)).length).toBeGreaterThanOrEqual(
      READS_AFTER_KILL,
    );
    expect(afterFailover.filter((r) => r.kind === "comment" && isAnswered(r)).length).toBeGreaterThanOrEqual(
      COMMENTS_AFTER_KILL,
    );

    // Every acknowledged comment exactly once; nothing sent is there twice.
    const { rows } = await sql.query<{ marker: string; n: number }>(
      `select substring(body from 'cluster-load-${run}-[0-9]+') as marker, count(*)::int as n
       from "Comment" where "articleId" = $1 and body like $2 group by 1`,
      [article.id, `%cluster-load-${run}-%`],
    );
    const stored = new Map(rows.map((row) => [row.marker, row.n]));
    expect(acknowledged.filter((r) => stored.get(r.marker!) !== 1).map(describeRequest)).toEqual([]);
    expect(rows.filter((row) => row.n > 1)).toEqual([]);
    const unansweredWrites = allowed.filter((r) => r.kind === "comment");
    if (unansweredWrites.length > 0) {
      const fates = unansweredWrites.map((r) => `${r.marker}: ${stored.get(r.marker!) ?? 0} in the database`);
      console.log(`Comments under way at the kill, not acknowledged: ${fates.join("; ")}`);
    }
    const sent = new Set(requests.map((r) => r.marker));
    expect(rows.filter((row) => !sent.has(row.marker))).toEqual([]);

    // nginx sent C traffic before the kill, and after it tried C and passed the request on.
    const cAddress = `127.0.0.1:${c.port}`;
    const ids = (list: LoadRequest[]) => new Set(list.map((r) => r.requestId));
    const before = ids(requests.filter((r) => r.ended < killSent));
    expect(log.some((line) => before.has(line.requestId) && line.upstream === cAddress)).toBe(true);
    const after = ids(requests.filter((r) => r.started >= killSent));
    const failedOver = log.filter(
      (line) => after.has(line.requestId) && triedThenPassedOn(line, cAddress) && line.status < 500,
    );
    console.log(`Requests nginx tried on C and passed on after the kill: ${failedOver.length}`);
    expect(failedOver.length).toBeGreaterThan(0);
  }, 60_000);

  it("takes C back when it restarts, and C serves a page A rendered from the shared cache", async () => {
    const c = byName("C");
    expect(await appServerPids(c.server.baseUrl), "C, killed by the test before").toEqual([]);
    const restarted = await startInstance("C", c.port, nginx.url);
    instances = instances.map((instance) => (instance === c ? restarted : instance));
    const server = restarted.server;

    // Passive checks only: once fail_timeout has passed, nginx tries C again with a reader's request.
    const cAddress = `127.0.0.1:${c.port}`;
    const deadline = performance.now() + 30_000;
    let servedByC: AccessLogLine | undefined;
    while (!servedByC) {
      expect(performance.now(), "nginx sent C no request within 30 s of its restart").toBeLessThan(deadline);
      const ids = new Set<string>();
      for (let i = 0; i < 6; i++) {
        const response = await fetch(`${nginx.url}/feed.xml`);
        await response.arrayBuffer();
        expect(response.status).toBe(200);
        ids.add(response.headers.get("x-request-id")!);
      }
      const log = await nginx.accessLog();
      servedByC = log.find(
        (line) => ids.has(line.requestId) && line.upstream === cAddress && line.status === 200,
      );
      if (!servedByC) await new Promise((resolve) => setTimeout(resolve, 250));
    }

    // The shared cache is on: the instance says so.
    const health = (await (await fetch(`${server.baseUrl}/api/health`)).json()) as {
      cache?: { shared?: string; state?: string };
    };
    expect(
      health.cache,
      `/api/health on an instance started with REDIS_URL reports no shared cache: ${JSON.stringify(health)}`,
    ).toEqual({ shared: "redis", state: "up" });

    // A renders a page no instance has rendered; C, asked next, has it from Redis without rendering.
    const a = byName("A").server.baseUrl;
    const pagePath = `/articles/${SEED_SLUG}`;
    const fromA = await fetch(`${a}${pagePath}`);
    await fromA.arrayBuffer();
    expect(fromA.status).toBe(200);
    expect(fromA.headers.get("x-nextjs-cache"), "A rendered it").not.toBe("HIT");
    await waitForRedisKey(SEED_SLUG);
    const count = Number(
      (await fetch(`${server.baseUrl}/api/health`)).headers.get(NEXT_REQUEST_COUNT_HEADER),
    );
    const fromC = await fetch(`${server.baseUrl}${pagePath}`);
    await fromC.arrayBuffer();
    expect(fromC.status).toBe(200);
    // Next answered it (the launcher's own memory of C is empty after the restart)…
    expect(Number(fromC.headers.get(NEXT_REQUEST_COUNT_HEADER))).toBe(count + 1);
    // …from its cache, which A filled.
    expect(fromC.headers.get("x-nextjs-cache")).toBe("HIT");
  }, 90_000);
});
