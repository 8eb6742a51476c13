// The CDN's half of the cache tags (docs/production.md, "CDN cache tags and purges"): on an
// instance that purges a CDN (CDN_PURGE_URL, here a signed receiver on this machine), the built
// app's public answers (a page, the feed, the sitemap, an API answer), whether Next made them or
// the launcher's memory gave them, name their tags in Cache-Tag (comma-separated) and
// Surrogate-Key (space-separated), the same tags, de-duplicated, the article's among them; staff
// screens, sign-in, comment-thread JSON and a signed-in reader's pages carry neither. An instance
// without a CDN to purge (the suite's shared one) sends neither header at all.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startAppServer, type AppServer } from "../support/app-server";
import { signInOverHttp } from "../support/server-actions";
import { startSignedReceiver } from "../support/signed-receiver";
import { adminQuery } from "../support/int-global-setup";
import { testServerUrl, withDatabase } from "../support/test-database-url";

const ADMIN = { email: "cdn-tags-admin@crosscurrent.test", password: "a long cdn tags password" };
const PURGE_SECRET = "a-purge-secret-of-at-least-32-characters";
const serverUrl = testServerUrl();
if (!serverUrl) throw new Error("The CDN tags test needs a PostgreSQL server: set TEST_DATABASE_URL.");
const database = `crosscurrent_cdn_tags_${randomBytes(6).toString("hex")}`;
const databaseUrl = withDatabase(serverUrl, database);
let baseUrl = "";
const SEED_SLUG = "today-there-is-a-special-background-for-high-level-calls-between-china-and-japan";
const SEED_PATH = `/articles/${SEED_SLUG}`;
const run = Date.now().toString(36);

interface Answer {
  status: number;
  cacheTag: string | null;
  surrogateKey: string | null;
  nextCount: number;
}

async function get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${baseUrl}${path}`, { headers, redirect: "manual" });
  await response.arrayBuffer();
  return {
    status: response.status,
    cacheTag: response.headers.get("cache-tag"),
    surrogateKey: response.headers.get("surrogate-key"),
    nextCount: Number(response.headers.get("x-next-request-count")),
  };
}

/** Asks for `path` until the launcher's memory answers it (Next saw no new request). */
async function kept(path: string): Promise<Answer> {
  let previous = await get(path);
  for (let i = 0; i < 40; i++) {
    const current = await get(path);
    if (current.nextCount === previous.nextCount) return current;
    previous = current;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`${path} never came from memory`);
}

/** The tags of a tagged answer, checked alike in both headers. */
function tagsOf(answer: Answer, path: string): string[] {
  expect(answer.status, path).toBe(200);
  expect(answer.cacheTag, `${path}: Cache-Tag`).toBeTruthy();
  const tags = answer.cacheTag!.split(",");
  expect(answer.surrogateKey!.split(" "), `${path}: Surrogate-Key`).toEqual(tags);
  expect(new Set(tags).size, `${path}: de-duplicated`).toBe(tags.length);
  for (const tag of tags) expect(tag, path).toMatch(/^[A-Za-z0-9_.:%-]+$/);
  expect(answer.cacheTag!.length, path).toBeLessThanOrEqual(16_000);
  expect(tags[0], path).toBe("all");
  return tags;
}

describe("cache tags for a CDN", () => {
  let receiver: Awaited<ReturnType<typeof startSignedReceiver>>;
  let server: AppServer;
  let dataDir: string;
  let db: pg.Client;
  let cookie: string;
  let articleId: string;

  beforeAll(async () => {
    receiver = await startSignedReceiver({ secret: PURGE_SECRET, statuses: [], path: "/purge" });
    await adminQuery(serverUrl, `create database ${database}`);
    dataDir = await mkdtemp(path.join(tmpdir(), "crosscurrent-cdn-tags-"));
    server = await startAppServer({
      DATABASE_URL: databaseUrl,
      TEST_DATABASE_URL: undefined,
      DATA_DIR: dataDir,
      AUTH_SECRET: "cdn-tags-test-secret-cdn-tags-test-secret",
      SEED_ADMIN_EMAIL: ADMIN.email,
      SEED_ADMIN_PASSWORD: ADMIN.password,
      CDN_PURGE_URL: receiver.url,
      CDN_PURGE_SECRET: PURGE_SECRET,
      EXPOSE_NEXT_REQUEST_COUNT: "true",
    });
    baseUrl = server.baseUrl;
    db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    const { rows } = await db.query<{ id: string }>(`select id from "Article" where slug = $1`, [SEED_SLUG]);
    articleId = rows[0]!.id;
    cookie = await signInOverHttp(baseUrl, ADMIN.email, ADMIN.password);
  });
  afterAll(async () => {
    await db?.end();
    await server?.stop();
    await receiver?.close();
    await adminQuery(serverUrl, `drop database if exists ${database} with (force)`);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("are on an article's page, as Next answers it and as the memory gives it", async () => {
    // A query no one asked for yet: the launcher's memory does not hold it, so Next answers.
    const before = (await get("/api/health")).nextCount;
    const fromNext = await get(`${SEED_PATH}?cdn=${run}`);
    expect(fromNext.nextCount, "Next answered").toBe(before + 1);
    expect(tagsOf(fromNext, SEED_PATH)).toEqual(expect.arrayContaining([`article:${articleId}`, "articles"]));

    const fromMemory = await kept(SEED_PATH);
    const tags = tagsOf(fromMemory, SEED_PATH);
    expect(tags).toEqual(expect.arrayContaining([`article:${articleId}`, "articles"]));
    expect(tags.some((tag) => tag.startsWith("expires") || tag.startsWith("_N_T_") || tag === "*")).toBe(
      false,
    );
  });

  it("are on the feed, the sitemap and the API's answers", async () => {
    for (const path of ["/feed.xml", "/sitemap.xml", "/api/v1/articles?limit=5"]) {
      expect(tagsOf(await get(path), path), path).toContain("articles");
      expect(tagsOf(await kept(path), path), path).toContain("articles");
    }
    const api = `/api/v1/articles/${SEED_SLUG}`;
    expect(tagsOf(await get(api), api)).toEqual(expect.arrayContaining(["articles", `article:${articleId}`]));
    expect(tagsOf(await kept(api), api)).toEqual(
      expect.arrayContaining(["articles", `article:${articleId}`]),
    );
  });

  it("are not on staff screens, sign-in, comment threads or a signed-in reader's pages", async () => {
    const untagged: [string, Record<string, string>][] = [
      ["/admin", {}],
      ["/admin", { Cookie: cookie }],
      ["/admin/articles", { Cookie: cookie }],
      ["/login", {}],
      [`/api/comments?article=${articleId}`, {}],
      [SEED_PATH, { Cookie: cookie }],
      ["/feed.xml", { Cookie: cookie }],
      ["/api/health", {}],
    ];
    for (const [path, headers] of untagged) {
      const answer = await get(path, headers);
      expect(answer.status, path).toBeLessThan(500);
      expect(answer.cacheTag, `${path} ${headers.Cookie ? "(staff)" : ""}`).toBeNull();
      expect(answer.surrogateKey, `${path} ${headers.Cookie ? "(staff)" : ""}`).toBeNull();
    }
    // The staff screens really are what they should be: a page for staff, and a redirect for others.
    expect((await get("/admin/articles", { Cookie: cookie })).status).toBe(200);
    expect((await get("/admin")).status).toBeGreaterThanOrEqual(300);
  });
});

describe("without a CDN to purge", () => {
  it("no answer names cache tags, kept or not", async () => {
    const shared = inject("baseUrl");
    for (const path of [SEED_PATH, `${SEED_PATH}?cdn=${run}`, "/", "/feed.xml", "/api/v1/articles?limit=5"]) {
      for (let i = 0; i < 3; i++) {
        const response = await fetch(`${shared}${path}`);
        await response.arrayBuffer();
        expect(response.status, path).toBe(200);
        expect(response.headers.get("cache-tag"), path).toBeNull();
        expect(response.headers.get("surrogate-key"), path).toBeNull();
      }
    }
  });
});
