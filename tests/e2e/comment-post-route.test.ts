// A comment post is answered by the launcher itself, with the handler the route exports
// (lib/platform/server/direct-routes.ts, registered in instrumentation.ts), and the reader cannot
// tell: the same status, body, cookies and headers as Next gives the route's other methods, the
// same limits, and the same keyed hashes as the app's other routes compute.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DIRECT_ROUTE_HEADER } from "@/lib/platform/server/direct-routes";

const baseUrl = inject("baseUrl");
const databaseUrl = inject("databaseUrl");
const SEED_SLUG = "today-there-is-a-special-background-for-high-level-calls-between-china-and-japan";
const run = randomBytes(4).toString("hex");

const POST_ROUTE = "POST /api/comments";
// What a page's own script sends.
const SAME_SITE = { Origin: baseUrl, "Sec-Fetch-Site": "same-origin" };

let db: pg.Client;
let articleId: string;

beforeAll(async () => {
  if (!databaseUrl) throw new Error("This test needs PostgreSQL: set TEST_DATABASE_URL.");
  db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const { rows } = await db.query<{ id: string }>(`select id from "Article" where slug = $1`, [SEED_SLUG]);
  articleId = rows[0]!.id;
});
afterAll(async () => {
  await db?.end();
});

function postComment(fields: Record<string, unknown>, headers: Record<string, string> = {}) {
  return fetch(`${baseUrl}/api/comments`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...SAME_SITE, ...headers },
    body: JSON.stringify({ articleId, website2: "", ...fields }),
  });
}

describe("POST /api/comments, answered by the launcher", () => {
  it("takes the comment without entering Next, with the headers and cookies Next gives the route", async () => {
    const posted = await postComment(
      { name: "Ines", email: `ines.${run}@example.org`, body: `Posted past Next ${run}.`, remember: "on" },
      { "X-Forwarded-For": "198.51.100.71" },
    );
    expect(posted.status, await posted.clone().text()).toBe(202);
    expect(posted.headers.get(DIRECT_ROUTE_HEADER)).toBe(POST_ROUTE);
    const body = (await posted.json()) as { status: string; comment: { authorName: string; body: string } };
    expect(body.status).toBe("pending");
    expect(body.comment).toMatchObject({ authorName: "Ines", body: `Posted past Next ${run}.` });

    const cookies = posted.headers.getSetCookie();
    expect(cookies.map((cookie) => cookie.split("=")[0])).toEqual(["cc_commenter", "cc_commenter_name"]);
    expect(cookies[0]).toMatch(/HttpOnly/i);
    expect(posted.headers.get("x-middleware-set-cookie")).toBeNull();

    // DELETE on the same route is Next's answer: the headers every answer carries must match.
    const forgotten = await fetch(`${baseUrl}/api/comments`, { method: "DELETE", headers: SAME_SITE });
    expect(forgotten.status).toBe(204);
    expect(forgotten.headers.get(DIRECT_ROUTE_HEADER)).toBeNull();
    for (const name of [
      "cache-control",
      "strict-transport-security",
      "x-content-type-options",
      "referrer-policy",
      "x-frame-options",
      "permissions-policy",
    ]) {
      expect(posted.headers.get(name), name).toBe(forgotten.headers.get(name));
    }
    const policyWithoutNonce = (response: Response) =>
      response.headers.get("content-security-policy")?.replace(/'nonce-[^']+'/, "'nonce'");
    expect(policyWithoutNonce(posted)).toBe(policyWithoutNonce(forgotten));
    expect(posted.headers.get("x-request-id")).toMatch(/^[\w-]{8,}$/);
  });

  it("hashes the reader's address with the same key as the app's routes inside Next", async () => {
    const address = "203.0.113.171";
    const posted = await postComment(
      { name: "Tomas", email: `tomas.${run}@example.org`, body: `An address to hash ${run}.` },
      { "X-Forwarded-For": address },
    );
    expect(posted.status, await posted.clone().text()).toBe(202);
    const { comment } = (await posted.json()) as { comment: { id: string } };
    await db.query(`update "Comment" set status = 'APPROVED' where id = $1`, [comment.id]);

    // The report route runs inside Next; the same address reports the comment.
    const reported = await fetch(`${baseUrl}/api/comments/${comment.id}/report`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Forwarded-For": address, ...SAME_SITE },
      body: JSON.stringify({ reason: "spam" }),
    });
    expect(reported.status, await reported.clone().text()).toBe(200);
    expect(reported.headers.get(DIRECT_ROUTE_HEADER)).toBeNull();

    const { rows } = await db.query<{ commentHash: string | null; reportHash: string | null }>(
      `select c."ipHash" as "commentHash", r."ipHash" as "reportHash"
         from "Comment" c join "CommentReport" r on r."commentId" = c.id where c.id = $1`,
      [comment.id],
    );
    expect(rows[0]?.commentHash).toBeTruthy();
    expect(rows[0]?.commentHash).toBe(rows[0]?.reportHash);
  });

  it("refuses a body over the limit with the same JSON 413, and a cross-site post before it", async () => {
    const tooLarge = await postComment({
      name: "Big",
      email: `big.${run}@example.org`,
      body: "x".repeat(300 * 1024),
    });
    expect(tooLarge.status).toBe(413);
    expect(((await tooLarge.json()) as { error: { code: string } }).error.code).toBe("TOO_LARGE");

    const forged = await fetch(`${baseUrl}/api/comments`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Origin: "https://elsewhere.example",
        "Sec-Fetch-Site": "cross-site",
      },
      body: JSON.stringify({
        articleId,
        name: "Forger",
        email: `forger.${run}@example.org`,
        body: "Forged.",
      }),
    });
    expect(forged.status).toBe(403);
    expect(forged.headers.get(DIRECT_ROUTE_HEADER)).toBeNull();
  });

  it("leaves the route's other methods to Next", async () => {
    const threads = await fetch(`${baseUrl}/api/comments?article=${articleId}`);
    expect(threads.status).toBe(200);
    expect(threads.headers.get(DIRECT_ROUTE_HEADER)).toBeNull();
  });
});
