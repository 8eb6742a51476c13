// Public pages are rendered once and then served from the page cache, until a change to
// something they show invalidates them: here from this instance's own writes, and from another
// instance's, relayed by PostgreSQL NOTIFY.
import { readdir } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { distDir } from "../support/server-actions";

const baseUrl = inject("baseUrl");
const databaseUrl = inject("databaseUrl");
const SEED_PATH =
  "/articles/today-there-is-a-special-background-for-high-level-calls-between-china-and-japan";

async function cacheStatus(path: string): Promise<string | null> {
  const response = await fetch(`${baseUrl}${path}`);
  await response.arrayBuffer();
  expect(response.status, path).toBe(200);
  return response.headers.get("x-nextjs-cache");
}

describe("the page cache", () => {
  let db: pg.Client;

  beforeAll(async () => {
    if (!databaseUrl) throw new Error("These tests need PostgreSQL: set TEST_DATABASE_URL.");
    db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
  });

  it("serves the article, home and archive pages from the cache after their first render", async () => {
    for (const path of [SEED_PATH, "/", "/tags/taiwan-strait", "/sources/bu-yidao"]) {
      await cacheStatus(path); // rendered now, or earlier
      expect(await cacheStatus(path), path).toBe("HIT");
    }
  });

  it("serves the home page at / itself, sending /page/1 there", async () => {
    const redirect = await fetch(`${baseUrl}/page/1`, { redirect: "manual" });
    expect(redirect.status).toBe(308);
    expect(redirect.headers.get("location")).toBe("/");
    await cacheStatus("/");
    // `?page=1` (and nonsense) is page 1: the same cached page, not a second copy.
    for (const same of ["/?page=1", "/?page=abc", "/?utm_source=feed"])
      expect(await cacheStatus(same), same).toBe("HIT");
    const home = await (await fetch(`${baseUrl}/`)).text();
    expect(home).toContain("Latest commentary");
    expect(home).toMatch(/<link rel="canonical" href="[^"]*\/\/[^/"]+\/?"/);
  });

  it("serves the empty search at /search itself, from the cache", async () => {
    await cacheStatus("/search");
    for (const same of ["", "?q=", "?utm_source=feed&page=1"]) {
      expect(await cacheStatus(`/search${same}`), same).toBe("HIT");
    }
    const empty = await fetch(`${baseUrl}/search?utm_source=feed`);
    expect(await empty.text()).toContain("Search every published article");
    // The empty search's key would be a second copy of it: not a page.
    const emptyKey = Buffer.from(JSON.stringify(["", "", "", 1])).toString("base64url");
    expect((await fetch(`${baseUrl}/search/${emptyKey}`)).status).toBe(404);
  });

  it("serves each search from the cache, one page for every request that means it, kept in memory only", async () => {
    const word = `cachedsearch${Date.now().toString(36)}`;
    const rendered = await fetch(`${baseUrl}/search?q=${word}`);
    expect(await rendered.text()).toContain(word);
    for (const same of [`?q=${word}`, `?q=++${word}+&page=1`, `?q=${word}&page=abc&utm_source=feed`]) {
      expect(await cacheStatus(`/search${same}`), same).toBe("HIT");
    }
    expect(await cacheStatus(`/search?q=${word}+Taiwan`), "another search").not.toBe("HIT");

    const onDisk = await readdir(path.join(distDir(), "server", "route-cache"), { recursive: true });
    const pagesOnDisk = (segment: string) => onDisk.filter((file) => file.split(path.sep).includes(segment));
    expect(pagesOnDisk("articles"), "where other pages are kept").not.toEqual([]);
    expect(pagesOnDisk("search"), "search pages written to disk").toEqual([]);
    // Keys are made only by the rewrite: a made-up one is not a page, so cannot fill the cache.
    expect((await fetch(`${baseUrl}/search/not-a-search`)).status).toBe(404);
  });

  it("renders a page again as soon as another instance announces a change it shows", async () => {
    const { rows } = await db.query<{ id: string; title: string }>(
      `select id, title from "Article" where slug = $1`,
      [SEED_PATH.split("/").at(-1)],
    );
    const article = rows[0]!;
    await cacheStatus(SEED_PATH);
    expect(await cacheStatus(SEED_PATH)).toBe("HIT");
    const edited = `${article.title} (seen by every instance)`;
    try {
      // Another instance's write: the database changes, then it broadcasts the article's tag.
      await db.query(`update "Article" set title = $1 where id = $2`, [edited, article.id]);
      const stillCached = await (await fetch(`${baseUrl}${SEED_PATH}`)).text();
      expect(stillCached, "served from the cache until told otherwise").not.toContain(edited);
      await db.query(`select pg_notify('cache_invalidation', $1)`, [
        JSON.stringify({ from: "another-instance", tags: [`article:${article.id}`] }),
      ]);
      await expect
        .poll(async () => (await (await fetch(`${baseUrl}${SEED_PATH}`)).text()).includes(edited), {
          timeout: 1000,
          interval: 20,
        })
        .toBe(true);
    } finally {
      await db.query(`update "Article" set title = $1 where id = $2`, [article.title, article.id]);
      await db.query(`select pg_notify('cache_invalidation', $1)`, [
        JSON.stringify({ from: "another-instance", tags: ["articles", `article:${article.id}`] }),
      ]);
    }
  });

  it("lets an authorization's end reach every surface within a second, without waiting for the sweep", async () => {
    const id = `expiry${Date.now()}`;
    const title = `Expiring harbour ${id}`;
    const slug = `expiring-harbour-${id}`;
    const announce = (tags: string[]) =>
      db.query(`select pg_notify('cache_invalidation', $1)`, [
        JSON.stringify({ from: "another-instance", tags }),
      ]);
    // Another instance's writes: a reprint under a grant without an end, then the grant given one.
    await db.query(
      `insert into "Source" (id, name, slug, kind, "updatedAt") values ($1, $2, $1, 'WEBSITE', now())`,
      [id, `Source ${id}`],
    );
    await db.query(
      `insert into "ReprintAuthorization" (id, "sourceId", status, "validFrom", "decidedAt", "updatedAt")
       values ($1, $1, 'GRANTED', now() - interval '1 day', now(), now())`,
      [id],
    );
    await db.query(
      `insert into "Article" (id, slug, title, body, status, "publishedAt", kind, "sourceId", "authorizationId", "updatedAt")
       values ($1, $2, $3, $4, 'PUBLISHED', now() - interval '1 hour', 'REPRINT', $1, $1, now())`,
      [
        id,
        slug,
        title,
        JSON.stringify({
          type: "doc",
          content: [{ type: "paragraph", content: [{ type: "text", text: title }] }],
        }),
      ],
    );
    await announce(["articles"]);
    const surfaces: Record<string, () => Promise<boolean>> = {
      page: async () => (await fetch(`${baseUrl}/articles/${slug}`)).status === 200,
      api: async () => (await fetch(`${baseUrl}/api/v1/articles/${slug}`)).status === 200,
      feed: async () => (await (await fetch(`${baseUrl}/feed.xml`)).text()).includes(title),
      search: async () =>
        (await (await fetch(`${baseUrl}/search?q=${encodeURIComponent(id)}`)).text()).includes(
          `/articles/${slug}`,
        ),
    };
    const until = Date.now() + 2500;
    await db.query(`update "ReprintAuthorization" set "validUntil" = $2 where id = $1`, [
      id,
      new Date(until),
    ]);
    await announce(["articles", `article:${id}`]);
    for (const [name, shown] of Object.entries(surfaces)) expect(await shown(), name).toBe(true);
    expect(await cacheStatus(`/articles/${slug}`)).toBe("HIT"); // cached, and no one will say it changed
    const page = await fetch(`${baseUrl}/articles/${slug}`);
    const sMaxAge = Number(/s-maxage=(\d+)/.exec(page.headers.get("cache-control") ?? "")?.[1]);
    expect(sMaxAge * 1000, "a CDN keeps the page no longer than the grant lasts").toBeLessThanOrEqual(
      until - Date.now() + 1000,
    );

    const flippedAt: Record<string, number> = {};
    await Promise.all(
      Object.entries(surfaces).map(async ([name, shown]) => {
        while (Date.now() < until + 3000 && (await shown())) await new Promise((r) => setTimeout(r, 25));
        flippedAt[name] = Date.now();
      }),
    );
    for (const [name, at] of Object.entries(flippedAt)) {
      expect(at - until, `${name} flipped ${at - until} ms after the end`).toBeLessThanOrEqual(1000);
      expect(at - until, `${name} flipped before the end`).toBeGreaterThanOrEqual(-50);
    }
  });
});
