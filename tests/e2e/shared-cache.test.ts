// The shared page cache (REDIS_URL): two instances of one build on one database and a Redis of the
// test's own. A page one instance rendered is a hit on the other; an edit through one is seen on
// the other at once; with Redis gone both keep serving, rendering from PostgreSQL and saying so at
// /api/health; and when Redis comes back holding pages that missed an edit, none of them is served.
// The launcher's own memory of public answers is off here (PAGE_MEMORY_MB=0), so that every
// request reaches Next's cache handler and so the shared cache.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readBuildIdentity } from "@/lib/platform/server/build-identity";
import { startAppServer, type AppServer } from "../support/app-server";
import { adminQuery } from "../support/int-global-setup";
import { startPrivateRedis, type PrivateRedis } from "../support/private-redis";
import { escapeGlob, redisKeys } from "../support/redis-keys";
import { callServerAction, distDir, serverActionId, signInOverHttp } from "../support/server-actions";
import { testServerUrl, withDatabase } from "../support/test-database-url";

const ADMIN = { email: "shared-cache-admin@crosscurrent.test", password: "a long shared cache password" };
const serverUrl = testServerUrl();
if (!serverUrl) throw new Error("The shared cache test needs a PostgreSQL server: set TEST_DATABASE_URL.");
const database = `crosscurrent_shared_cache_${randomBytes(6).toString("hex")}`;
const databaseUrl = withDatabase(serverUrl, database);
const keyPrefix = `shared-cache-test-${randomBytes(4).toString("hex")}:`;

let redis: PrivateRedis;
let a: AppServer;
let b: AppServer;
let cookie: string;
let tag: { id: string; slug: string; name: string };
const dataDirs: string[] = [];

async function startInstance(): Promise<AppServer> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "crosscurrent-shared-cache-"));
  dataDirs.push(dataDir);
  return startAppServer({
    DATABASE_URL: databaseUrl,
    TEST_DATABASE_URL: undefined,
    DATA_DIR: dataDir,
    AUTH_SECRET: "shared-cache-test-secret-shared-cache-0",
    SEED_ADMIN_EMAIL: ADMIN.email,
    SEED_ADMIN_PASSWORD: ADMIN.password,
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: readBuildIdentity(distDir()).encryptionKey!,
    MEDIA_STORAGE: "postgres",
    REDIS_URL: redis.url,
    REDIS_KEY_PREFIX: keyPrefix,
    PAGE_MEMORY_MB: "0",
  });
}

async function fetchPage(server: AppServer, pagePath: string) {
  const response = await fetch(`${server.baseUrl}${pagePath}`);
  return {
    status: response.status,
    cache: response.headers.get("x-nextjs-cache"),
    html: await response.text(),
  };
}

/** Waits until the shared cache holds the page at `pagePath` (it is stored as the render ends). */
async function storedInRedis(pagePath: string): Promise<void> {
  const pattern = `${escapeGlob(keyPrefix)}page:*${escapeGlob(`$${pagePath}`)}`;
  await expect.poll(async () => (await redisKeys(redis.url, pattern)).length, { timeout: 5_000 }).toBe(1);
}

async function health(server: AppServer) {
  return (await fetch(`${server.baseUrl}/api/health`)).json() as Promise<{
    status: string;
    cache: { shared: string; state?: string };
  }>;
}

async function rename(name: string) {
  const renameTag = await serverActionId("app/(admin)/admin/tags/actions.ts", "renameTag");
  const answer = await callServerAction<{ ok: boolean }>(
    a.baseUrl,
    "/admin/tags",
    renameTag,
    [{ tagId: tag.id, name, slug: tag.slug }],
    { cookie },
  );
  expect(answer.result?.ok, answer.body.slice(0, 300)).toBe(true);
  tag.name = name;
}

/**
 * Waits until `server` shows the tag's current name on its page. A stale copy would be served for
 * ever; the time allowed is for one render on a busy machine (the one-second promise across
 * instances is held by tests/e2e/cluster.test.ts).
 */
async function showsCurrentName(server: AppServer): Promise<void> {
  await expect
    .poll(async () => (await fetchPage(server, `/tags/${tag.slug}`)).html.includes(tag.name), {
      timeout: 10_000,
      interval: 20,
    })
    .toBe(true);
}

beforeAll(async () => {
  redis = await startPrivateRedis();
  await adminQuery(serverUrl, `create database ${database}`);
  a = await startInstance(); // applies the migrations and seeds
  b = await startInstance();
  cookie = await signInOverHttp(a.baseUrl, ADMIN.email, ADMIN.password);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; slug: string; name: string }>(
      `select t.id, t.slug, t.name from "Tag" t
       where exists (select 1 from "ArticleTag" at join "Article" ar on ar.id = at."articleId"
                     where at."tagId" = t.id and ar.status = 'PUBLISHED')
       order by t.slug limit 1`,
    );
    tag = rows[0]!;
  } finally {
    await client.end();
  }
});
afterAll(async () => {
  await Promise.all([a, b].filter(Boolean).map((server) => server.stop()));
  await redis?.destroy();
  await adminQuery(serverUrl, `drop database if exists ${database} with (force)`);
  await Promise.all(dataDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe("the shared page cache", () => {
  it("serves on one instance, as a hit, the page another rendered", async () => {
    expect(await health(a)).toMatchObject({ status: "ok", cache: { shared: "redis", state: "up" } });
    const pagePath = `/tags/${tag.slug}`;
    const first = await fetchPage(a, pagePath);
    expect(first.status).toBe(200);
    expect(first.cache).not.toBe("HIT");
    await storedInRedis(pagePath);
    const onB = await fetchPage(b, pagePath);
    expect(onB.cache, "B has never rendered it").toBe("HIT");
    expect(onB.html).toContain(tag.name);
  });

  it("shows on the other instance an edit made through one", async () => {
    await fetchPage(b, `/tags/${tag.slug}`);
    expect((await fetchPage(b, `/tags/${tag.slug}`)).cache).toBe("HIT");
    await rename(`Shared ${randomBytes(3).toString("hex")}`);
    await showsCurrentName(b);
    await showsCurrentName(a);
  });

  it("keeps serving without Redis, says so, and serves nothing stale once Redis is back", async () => {
    // Both instances have the page in the shared cache under its current name.
    await fetchPage(a, `/tags/${tag.slug}`);
    expect((await fetchPage(b, `/tags/${tag.slug}`)).cache).toBe("HIT");
    const before = tag.name;

    await redis.kill();
    for (const server of [a, b]) {
      const answer = await fetch(`${server.baseUrl}/api/health`);
      expect(answer.status, "the load balancer keeps the instance").toBe(200);
      expect(await answer.json()).toMatchObject({
        status: "degraded",
        cache: { shared: "redis", state: "down" },
      });
      const page = await fetchPage(server, `/tags/${tag.slug}`);
      expect(page.status).toBe(200);
      expect(page.html).toContain(before);
    }
    // An edit while Redis is away: neither instance can record it there.
    await rename(`Offline ${randomBytes(3).toString("hex")}`);
    await showsCurrentName(b);
    expect(a.output()).toContain('"event":"cache.shared.down"');

    // Redis returns with what it held: the page under the old name, which missed the edit.
    await redis.start();
    await expect.poll(async () => (await health(b)).status, { timeout: 10_000 }).toBe("ok");
    await expect.poll(async () => (await health(a)).status, { timeout: 10_000 }).toBe("ok");
    for (const server of [b, a]) {
      const page = await fetchPage(server, `/tags/${tag.slug}`);
      expect(page.html, "the copy from before the outage").not.toContain(before);
      expect(page.html).toContain(tag.name);
    }
    // And the cache works again: what one renders now, the other gets as a hit.
    await rename(`Back ${randomBytes(3).toString("hex")}`);
    await showsCurrentName(a);
    const onB = await fetchPage(b, `/tags/${tag.slug}`);
    expect(onB.html).toContain(tag.name);
    expect(onB.cache).toBe("HIT");
  });
});
