// The launcher's memory of public answers (lib/platform/server/page-memory.ts): a kept answer is
// given without entering Next (the test server says how many requests reached Next,
// X-Next-Request-Count), in the encoding the client accepts, with a strong ETag and 304s; a change
// reaches the very next request; signed-in staff neither get nor leave a kept answer; and the
// hash-pinned script policy of a kept page runs the site's scripts and nothing injected.
import { request as httpRequest } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import pg from "pg";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "../support/browser";
import { violations, watchedPage } from "../support/csp-violations";
import { callServerAction, serverActionId, signInOverHttp } from "../support/server-actions";

const baseUrl = inject("baseUrl");
const databaseUrl = inject("databaseUrl");
const SEED_PATH =
  "/articles/today-there-is-a-special-background-for-high-level-calls-between-china-and-japan";
const ARTICLE_ACTIONS = "app/(admin)/admin/articles/actions.ts";
const COMMENT_ACTIONS = "app/(admin)/admin/comments/actions.ts";
const run = Date.now().toString(36);

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** Requests that had reached Next when this answer went out. */
  nextCount: number;
}

async function get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${baseUrl}${path}`, { headers, redirect: "manual" });
  const text = await response.text();
  const nextCount = Number(response.headers.get("x-next-request-count"));
  expect(Number.isInteger(nextCount) && nextCount > 0, "the test server counts Next's requests").toBe(true);
  return { status: response.status, headers: response.headers, text, nextCount };
}

/** Asks for `path` until an answer comes without Next having seen the request; returns it. */
async function kept(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  let previous = await get(path, headers);
  for (let i = 0; i < 40; i++) {
    const current = await get(path, headers);
    if (current.nextCount === previous.nextCount) return current;
    previous = current;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`${path} never came from memory`);
}

/** The raw bytes of an answer, as sent (no decoding), over node:http. */
function rawGet(
  path: string,
  headers: Record<string, string>,
  method = "GET",
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${baseUrl}${path}`, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }),
      );
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end();
  });
}

const paragraph = (text: string) => ({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text }] }],
});

describe("the launcher's memory of public answers", () => {
  let db: pg.Client;
  let cookie: string;

  beforeAll(async () => {
    if (!databaseUrl) throw new Error("These tests need PostgreSQL: set TEST_DATABASE_URL.");
    db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    cookie = await signInOverHttp(baseUrl, inject("adminEmail"), inject("adminPassword"));
  });
  afterAll(async () => {
    await db?.end();
  });

  it("answers pages, feeds, the sitemap and the API itself, without entering Next", async () => {
    const paths = [SEED_PATH, "/", "/tags/taiwan-strait", "/search?q=Kishida", "/feed.xml"];
    for (const path of [...paths, "/sitemap.xml", "/api/v1/articles?limit=5"]) {
      const first = await kept(path);
      expect(first.status, path).toBe(200);
      for (let i = 0; i < 5; i++) {
        const again = await get(path);
        expect(again.nextCount, `${path} reached Next`).toBe(first.nextCount);
        expect(again.text, path).toBe(first.text);
        expect(again.headers.get("x-request-id"), path).toMatch(/\S/);
      }
      // The counter does move for a request Next answers.
      expect((await get("/api/health")).nextCount).toBe(first.nextCount + 1);
    }
  });

  it("never gives a signed-in staff member a kept answer, and keeps nothing of theirs", async () => {
    const before = await kept(SEED_PATH);
    for (const staff of [cookie, "next-auth.csrf-token=abc", "__Secure-next-auth.callback-url=x"]) {
      const answer = await get(SEED_PATH, { Cookie: staff });
      expect(answer.nextCount, staff).toBeGreaterThan(before.nextCount);
      expect(answer.headers.get("etag"), staff).toBeNull();
    }
    // A page only staff have asked for is not kept for anyone.
    const fresh = `/?staff-only=${run}`;
    let last = 0;
    for (let i = 0; i < 3; i++) {
      const staffAnswer = await get(fresh, { Cookie: cookie });
      expect(staffAnswer.nextCount).toBeGreaterThan(last);
      last = staffAnswer.nextCount;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect((await get(fresh)).nextCount, "the first anonymous request").toBe(last + 1);
  });

  it("sends each encoding the client accepts, decoding to the same bytes, with ETags and 304s", async () => {
    await kept(SEED_PATH);
    const identity = await rawGet(SEED_PATH, { "Accept-Encoding": "identity" });
    const gzip = await rawGet(SEED_PATH, { "Accept-Encoding": "gzip" });
    const br = await rawGet(SEED_PATH, { "Accept-Encoding": "gzip, deflate, br" });
    const none = await rawGet(SEED_PATH, {});
    expect(identity.headers["content-encoding"]).toBeUndefined();
    expect(none.body.equals(identity.body)).toBe(true);
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(br.headers["content-encoding"]).toBe("br");
    expect(gunzipSync(gzip.body).equals(identity.body)).toBe(true);
    expect(brotliDecompressSync(br.body).equals(identity.body)).toBe(true);
    expect(br.body.length).toBeLessThan(identity.body.length / 2);
    const etags = new Set<string>();
    for (const [encoding, answer] of [
      ["identity", identity],
      ["gzip", gzip],
      ["gzip, deflate, br", br],
    ] as const) {
      expect(answer.status).toBe(200);
      expect(Number(answer.headers["content-length"]), encoding).toBe(answer.body.length);
      expect(answer.headers.vary, encoding).toMatch(/accept-encoding/i);
      const etag = answer.headers.etag as string;
      expect(etag, encoding).toMatch(/^"[\w-]+"$/); // strong
      etags.add(etag);
      const notModified = await rawGet(SEED_PATH, { "Accept-Encoding": encoding, "If-None-Match": etag });
      expect(notModified.status, encoding).toBe(304);
      expect(notModified.body.length, encoding).toBe(0);
      expect(notModified.headers.etag, encoding).toBe(etag);
      const head = await rawGet(SEED_PATH, { "Accept-Encoding": encoding }, "HEAD");
      expect(head.status, encoding).toBe(200);
      expect(head.body.length, encoding).toBe(0);
      expect(Number(head.headers["content-length"]), encoding).toBe(answer.body.length);
    }
    expect(etags.size, "one ETag per encoding").toBe(3);
    const stale = await rawGet(SEED_PATH, { "Accept-Encoding": "gzip", "If-None-Match": '"not-this-one"' });
    expect(stale.status).toBe(200);
  });

  it("lets an edit, an approved comment, a withdrawal and an unpublication reach the very next request", async () => {
    const [createId, saveId, publishId, unpublishId, moderateId] = await Promise.all([
      serverActionId(ARTICLE_ACTIONS, "createArticle"),
      serverActionId(ARTICLE_ACTIONS, "saveArticle"),
      serverActionId(ARTICLE_ACTIONS, "publishArticle"),
      serverActionId(ARTICLE_ACTIONS, "unpublishArticle"),
      serverActionId(COMMENT_ACTIONS, "moderateComment"),
    ]);
    const version = async (id: string) =>
      (await db.query<{ version: number }>(`select version from "Article" where id = $1`, [id])).rows[0]!
        .version;
    const act = async (page: string, actionId: string, input: unknown) => {
      const answer = await callServerAction<{ ok: boolean }>(baseUrl, page, actionId, [input], { cookie });
      expect(answer.result?.ok, answer.body.slice(0, 500)).toBe(true);
    };

    const title = `Kept harbour ${run}`;
    const created = await callServerAction<{ ok: boolean; data?: { id: string } }>(
      baseUrl,
      "/admin/articles/new",
      createId,
      [{ title, body: paragraph(`The harbour, ${run}.`) }],
      { cookie },
    );
    expect(created.result?.ok, created.body.slice(0, 500)).toBe(true);
    const { rows } = await db.query<{ id: string }>(`select id from "Article" where title = $1`, [title]);
    const id = rows[0]!.id;
    await act(`/admin/articles/${id}`, publishId, { id, version: await version(id) });
    const slug = (await db.query<{ slug: string }>(`select slug from "Article" where id = $1`, [id])).rows[0]!
      .slug;
    const page = `/articles/${slug}`;
    const api = `/api/v1/articles/${slug}`;

    // An edit (this instance).
    expect((await kept(page)).text).toContain(title);
    expect((await kept(api)).text).toContain(title);
    const edited = `${title} edited`;
    await act(`/admin/articles/${id}`, saveId, {
      id,
      version: await version(id),
      title: edited,
      body: paragraph(`The harbour, ${run}.`),
    });
    expect((await get(page)).text, "the page after the edit").toContain(edited);
    expect((await get(api)).text, "the API after the edit").toContain(edited);

    // A comment approved (this instance).
    const commentBody = `A held remark ${run}`;
    const comment = await db.query<{ id: string }>(
      `insert into "Comment" (id, "articleId", "authorName", "authorEmail", body, status, "updatedAt")
       values ($1, $2, 'Reader', 'reader@example.com', $3, 'PENDING', now()) returning id`,
      [`cm${run}`, id, commentBody],
    );
    expect((await kept(page)).text).not.toContain(commentBody);
    await act("/admin/comments", moderateId, { commentId: comment.rows[0]!.id, decision: "approve" });
    expect((await get(page)).text, "the page after the approval").toContain(commentBody);

    // A withdrawal by another instance: it changes the database, then announces the tags.
    expect((await kept(page)).status).toBe(200);
    await db.query(`update "Article" set "withdrawnAt" = now(), "withdrawnReason" = 'test' where id = $1`, [
      id,
    ]);
    await db.query(`select pg_notify('cache_invalidation', $1)`, [
      JSON.stringify({ from: "another-instance", tags: ["articles", `article:${id}`] }),
    ]);
    await expect.poll(async () => (await get(page)).status, { timeout: 1000, interval: 20 }).toBe(451);
    await db.query(`update "Article" set "withdrawnAt" = null, "withdrawnReason" = null where id = $1`, [id]);
    await db.query(`select pg_notify('cache_invalidation', $1)`, [
      JSON.stringify({ from: "another-instance", tags: ["articles", `article:${id}`] }),
    ]);
    await expect.poll(async () => (await get(page)).status, { timeout: 1000, interval: 20 }).toBe(200);

    // An unpublication (this instance).
    expect((await kept(page)).status).toBe(200);
    expect((await kept(api)).status).toBe(200);
    await act(`/admin/articles/${id}`, unpublishId, { id, version: await version(id) });
    expect((await get(page)).status, "the page after unpublishing").toBe(404);
    expect((await get(api)).status, "the API after unpublishing").toBe(404);
  });
});

describe("the hash-pinned policy of a kept page in Chromium", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("runs every script the pages need, without a violation", async () => {
    const page = await watchedPage(browser);
    for (const path of ["/", SEED_PATH, "/tags/taiwan-strait", "/search?q=Kishida"]) {
      await kept(path, { "Accept-Encoding": "gzip, deflate, br" });
      const response = await page.goto(`${baseUrl}${path}`, { waitUntil: "networkidle" });
      const policy = (await response!.allHeaders())["content-security-policy"] ?? "";
      expect(policy, path).toContain("'sha256-");
      expect(policy, path).not.toContain("'nonce-");
      expect(await violations(page), path).toEqual([]);
      // Next's client ran: the app router is up.
      expect(await page.evaluate(() => typeof (window as { next?: unknown }).next), path).toBe("object");
    }
  });

  it("refuses an inline script the page was not kept with", async () => {
    await kept(SEED_PATH);
    const page = await watchedPage(browser);
    await page.route(`${baseUrl}${SEED_PATH}`, async (route) => {
      const response = await route.fetch();
      expect(response.headers()["content-security-policy"]).toContain("'sha256-");
      const html = (await response.text()).replace(
        "</body>",
        '<script>window.__injected = true</script><img src=x onerror="window.__injected = true"></body>',
      );
      await route.fulfill({ response, body: html });
    });
    await page.goto(`${baseUrl}${SEED_PATH}`, { waitUntil: "networkidle" });
    expect(
      await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected),
    ).toBeUndefined();
    expect((await violations(page)).some((v) => v.startsWith("script-src"))).toBe(true);
  });
});
