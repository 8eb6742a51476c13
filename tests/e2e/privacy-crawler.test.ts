// Commenters' emails and addresses never leave the building. Comments are posted with known
// emails from known addresses (some approved, some held, one a reply), then a crawler walks every
// public page it can reach from the home page and the sitemap, every feed, the JSON API and the
// scripts the pages load, and fails on any email, its common hashes, or any of the addresses.
import { createHash, randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

const baseUrl = inject("baseUrl");
const databaseUrl = inject("databaseUrl");
const SEED_SLUG = "today-there-is-a-special-background-for-high-level-calls-between-china-and-japan";
const MAX_URLS = 400;

const run = randomBytes(4).toString("hex");
const commenters = [
  { email: `Mei.Lin+${run}@example.org`, address: "198.51.100.23", name: "Mei Lin" },
  { email: `kenji.${run}@example.jp`, address: "2001:db8:85a3::8a2e:370:7334", name: "Kenji" },
  { email: `olga_${run}@example.ru`, address: "203.0.113.99", name: "Ольга" },
];

/** A reader who reports a comment: where they report from must not show either. */
const reporterAddress = "192.0.2.201";

function secretsOf(commenter: (typeof commenters)[number]): string[] {
  const email = commenter.email;
  const lower = email.toLowerCase();
  const hash = (algorithm: string, text: string) => createHash(algorithm).update(text).digest("hex");
  return [
    email,
    lower,
    encodeURIComponent(lower),
    hash("md5", lower), // Gravatar's
    hash("sha256", lower),
    hash("sha1", lower),
    commenter.address,
  ];
}

async function post(
  commenter: (typeof commenters)[number],
  articleId: string,
  body: string,
  parentId?: string,
) {
  const response = await fetch(`${baseUrl}/api/comments`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Forwarded-For": commenter.address, Origin: baseUrl },
    body: JSON.stringify({
      articleId,
      parentId,
      name: commenter.name,
      email: commenter.email,
      body,
      website2: "",
    }),
  });
  expect([201, 202], await response.clone().text()).toContain(response.status);
  return ((await response.json()) as { comment: { id: string } }).comment.id;
}

describe("the privacy of commenters", () => {
  let db: pg.Client;

  beforeAll(async () => {
    if (!databaseUrl) throw new Error("This test needs PostgreSQL: set TEST_DATABASE_URL.");
    db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
  });

  it("shows no commenter's email, email hash or address on any public page, feed, API answer or script", async () => {
    const { rows } = await db.query<{ id: string }>(`select id from "Article" where slug = $1`, [SEED_SLUG]);
    const articleId = rows[0]!.id;
    const [mei, kenji, olga] = commenters;
    const approved = await post(mei!, articleId, `A careful reading of the talks ${run}.`);
    await post(olga!, articleId, `Held for moderation, never shown ${run}.`);
    // Approved as an editor would, then announced as the app announces it.
    await db.query(`update "Comment" set status = 'APPROVED' where id = $1`, [approved]);
    await post(kenji!, articleId, `A reply in the thread ${run}.`, approved);
    await db.query(`update "Comment" set status = 'APPROVED' where "articleId" = $1 and body like $2`, [
      articleId,
      `A reply in the thread ${run}.`,
    ]);
    await db.query(`select pg_notify('cache_invalidation', $1)`, [
      JSON.stringify({ from: "privacy-test", tags: [`comments:${articleId}`, "comments", "articles"] }),
    ]);
    // A reader reports the approved comment: it stays on the page, and nothing of the reporter shows.
    const reported = await fetch(`${baseUrl}/api/comments/${approved}/report`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Forwarded-For": reporterAddress, Origin: baseUrl },
      body: JSON.stringify({ reason: "abuse" }),
    });
    expect(reported.status, await reported.clone().text()).toBe(200);
    const articleHtml = await (await fetch(`${baseUrl}/articles/${SEED_SLUG}`)).text();
    expect(articleHtml, "the approved comments are on the page").toContain(`A reply in the thread ${run}.`);
    expect(articleHtml, "a reported comment stays on the page").toContain(
      `A careful reading of the talks ${run}.`,
    );

    const secrets = [...commenters.flatMap(secretsOf), reporterAddress];
    const seeds = [
      "/",
      `/articles/${SEED_SLUG}`,
      "/sitemap.xml",
      "/robots.txt",
      "/feed.xml",
      "/feeds/comments",
      `/feeds/comments/${SEED_SLUG}`,
      "/api/v1/articles?limit=100",
      `/api/v1/articles/${SEED_SLUG}`,
      "/api/v1/tags",
      "/search?q=talks",
    ];
    const queue = [...seeds];
    const seen = new Set<string>(queue);
    const leaks: string[] = [];
    let visited = 0;
    while (queue.length > 0 && visited < MAX_URLS) {
      const path = queue.shift()!;
      const response = await fetch(`${baseUrl}${path}`, { redirect: "manual" });
      const text = await response.text();
      visited++;
      const headers = [...response.headers].map(([k, v]) => `${k}: ${v}`).join("\n");
      for (const secret of secrets) {
        if (text.includes(secret) || headers.includes(secret)) leaks.push(`${secret} in ${path}`);
      }
      for (const link of linksIn(text)) {
        if (!seen.has(link)) {
          seen.add(link);
          queue.push(link);
        }
      }
    }
    console.log(`privacy crawler: ${visited} URLs visited, ${leaks.length} leaks`);
    expect(visited).toBeGreaterThan(20);
    expect(leaks).toEqual([]);
  });
});

/** Same-site paths in href/src attributes, XML <loc>/<link> elements and JSON "url"/"slug" fields. */
function linksIn(text: string): string[] {
  const found: string[] = [];
  const base = new URL(baseUrl);
  const candidates = [
    ...text.matchAll(/(?:href|src)="([^"#]+)"/g),
    ...text.matchAll(/<(?:loc|link|comments)>([^<]+)<\//g),
    ...text.matchAll(/"url":"([^"]+)"/g),
  ].map((match) => match[1]!.replace(/&amp;/g, "&"));
  for (const slug of text.matchAll(/"slug":"([^"]+)"/g)) candidates.push(`/api/v1/articles/${slug[1]}`);
  for (const candidate of candidates) {
    let url: URL;
    try {
      url = new URL(candidate, base);
    } catch {
      continue;
    }
    if (url.origin !== base.origin) continue;
    if (
      url.pathname.startsWith("/admin") ||
      url.pathname.startsWith("/login") ||
      url.pathname.startsWith("/api/auth")
    )
      continue;
    found.push(url.pathname + url.search);
  }
  return found;
}
