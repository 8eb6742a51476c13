// Cross-site request forgery and the session cookie: a signed-in editor's browser, sent by another
// site's page, can change nothing; the cookies that carry identity are HttpOnly, SameSite=Lax,
// and Secure when the site is served over https.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startAppServer, type AppServer } from "../support/app-server";
import { adminQuery } from "../support/int-global-setup";
import {
  encodeActionArguments,
  postCredentials,
  serverActionId,
  signInOverHttp,
} from "../support/server-actions";
import { testServerUrl, withDatabase } from "../support/test-database-url";

const baseUrl = inject("baseUrl");
const EVIL = "https://evil.example";
/** What every cross-site refusal answers, from the launcher or a route handler. */
const CROSS_SITE_ANSWER = {
  error: {
    code: "CROSS_SITE",
    message: "Cross-site requests are refused. Make the change from this site's own pages.",
  },
};

/** A new database for a second server, with what a test needs to clean up after it. */
async function secondDatabase(name: string) {
  const serverUrl = testServerUrl();
  if (!serverUrl) throw new Error("This suite needs TEST_DATABASE_URL (PostgreSQL).");
  await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
  await adminQuery(serverUrl, `create database ${name}`);
  return withDatabase(serverUrl, name);
}

async function dropDatabase(name: string) {
  const serverUrl = testServerUrl();
  if (serverUrl) await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
}

async function aPublishedArticleId(databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `select id from "Article" where status = 'PUBLISHED' limit 1`,
    );
    return rows[0]!.id;
  } finally {
    await client.end();
  }
}

async function tagExists(name: string): Promise<boolean> {
  const response = await fetch(`${baseUrl}/api/v1/tags`);
  const { data } = (await response.json()) as { data: Array<{ name: string }> };
  return data.some((tag) => tag.name === name);
}

/** Calls createTag as the admin's browser would, with `headers` deciding where it came from. */
async function createTagFrom(cookie: string, name: string, headers: Record<string, string>) {
  return fetch(`${baseUrl}/admin/tags`, {
    method: "POST",
    headers: {
      Accept: "text/x-component",
      "Content-Type": "text/plain;charset=UTF-8",
      "Next-Action": await serverActionId("app/(admin)/admin/tags/actions.ts", "createTag"),
      Cookie: cookie,
      ...headers,
    },
    body: encodeActionArguments([{ name, kind: "TOPIC" }]),
  });
}

function attributesOf(setCookie: string): string[] {
  return setCookie
    .split(";")
    .slice(1)
    .map((part) => part.trim().toLowerCase());
}

describe("cross-site requests", () => {
  let cookie: string;

  beforeAll(async () => {
    cookie = await signInOverHttp(baseUrl, inject("adminEmail"), inject("adminPassword"));
  });

  it("refuses a staff server action posted from another site, and changes nothing", async () => {
    const name = `Forged ${randomBytes(4).toString("hex")}`;
    const forged: Array<Record<string, string>> = [
      { Origin: EVIL },
      { Origin: "null" },
      { "Sec-Fetch-Site": "cross-site" },
    ];
    for (const headers of forged) {
      const response = await createTagFrom(cookie, name, headers);
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(await response.json()).toEqual(CROSS_SITE_ANSWER);
    }
    expect(await tagExists(name)).toBe(false);

    // The same call from the site's own page goes through: the refusal is about the origin alone.
    const own = await createTagFrom(cookie, name, { Origin: baseUrl, "Sec-Fetch-Site": "same-origin" });
    expect(own.status).toBe(200);
    await expect.poll(() => tagExists(name)).toBe(true);
  });

  it("refuses cross-site uploads, comments and sign-out-everywhere alike", async () => {
    const form = new FormData();
    form.set("alt", "forged");
    const attempts = [
      fetch(`${baseUrl}/api/admin/media`, {
        method: "POST",
        headers: { Cookie: cookie, Origin: EVIL },
        body: form,
      }),
      fetch(`${baseUrl}/api/comments`, {
        method: "POST",
        headers: { Origin: EVIL, "Content-Type": "application/json" },
        body: JSON.stringify({ articleId: "x", name: "Forger", email: "f@example.com", body: "Forged" }),
      }),
      // A browser that names no origin still says where the request came from.
      fetch(`${baseUrl}/api/comments`, {
        method: "POST",
        headers: { "Sec-Fetch-Site": "cross-site", "Content-Type": "application/json" },
        body: JSON.stringify({ articleId: "x", name: "Forger", email: "f@example.com", body: "Forged" }),
      }),
      fetch(`${baseUrl}/api/auth/signout`, { method: "POST", headers: { Cookie: cookie, Origin: EVIL } }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status, response.url).toBe(403);
      expect(response.headers.get("cache-control"), response.url).toBe("private, no-store");
      expect(await response.json(), response.url).toEqual(CROSS_SITE_ANSWER);
    }
    // The session survived the forged sign-out.
    const admin = await fetch(`${baseUrl}/admin`, { headers: { Cookie: cookie }, redirect: "manual" });
    expect(admin.status).toBe(200);
  });

  it("lets reads through from anywhere: the public API is open to other sites", async () => {
    const response = await fetch(`${baseUrl}/api/v1/articles`, { headers: { Origin: EVIL } });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
  });

  // The reported bug: without SITE_URL the site is http://localhost:PORT, and a reader who opened
  // it as http://127.0.0.1:PORT could not comment (403 "Cross-site requests are refused.").
  describe("started without SITE_URL, opened by another name than localhost", () => {
    let server: AppServer;
    let dataDir: string;
    let articleId: string;
    const database = `crosscurrent_e2e_nosite_${process.pid}`;

    beforeAll(async () => {
      const databaseUrl = await secondDatabase(database);
      dataDir = await mkdtemp(path.join(tmpdir(), "crosscurrent-nosite-"));
      server = await startAppServer({
        DATABASE_URL: databaseUrl,
        DATA_DIR: dataDir,
        AUTH_SECRET: "nosite-secret-nosite-secret-nosite-secret-nosite",
        SITE_URL: undefined,
        NEXTAUTH_URL: undefined,
        TRUSTED_PROXY: "127.0.0.1,::1",
      });
      articleId = await aPublishedArticleId(databaseUrl);
    });
    afterAll(async () => {
      await server?.stop();
      await dropDatabase(database);
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    });

    it("accepts a comment posted from the page at 127.0.0.1 and at [::1], and still refuses other sites", async () => {
      const port = new URL(server.baseUrl).port;
      let n = 0;
      /** A comment from the page at `origin`, as a reader of its own address (the proxy says who). */
      const postFrom = (origin: string, headers: Record<string, string>) => {
        n += 1;
        return fetch(`${origin}/api/comments`, {
          method: "POST",
          headers: {
            Origin: origin,
            "Content-Type": "application/json",
            "X-Forwarded-For": `203.0.113.${n}`,
            ...headers,
          },
          body: JSON.stringify({
            articleId,
            name: "A Reader",
            email: `reader-${n}-${randomBytes(3).toString("hex")}@example.com`,
            body: `A thought from ${origin}, number ${n}.`,
          }),
        });
      };
      for (const origin of [`http://127.0.0.1:${port}`, `http://[::1]:${port}`]) {
        // As an older browser sends it (Origin alone), and as a current one.
        const variants: Array<Record<string, string>> = [{}, { "Sec-Fetch-Site": "same-origin" }];
        for (const headers of variants) {
          const response = await postFrom(origin, headers);
          const about = `${origin} ${JSON.stringify(headers)}: ${await response.clone().text()}`;
          expect([201, 202], about).toContain(response.status);
        }
      }
      const forged = await fetch(`http://127.0.0.1:${port}/api/comments`, {
        method: "POST",
        headers: { Origin: EVIL, "Sec-Fetch-Site": "cross-site", "Content-Type": "application/json" },
        body: JSON.stringify({ articleId, name: "Forger", email: "f@example.com", body: "Forged" }),
      });
      expect(forged.status).toBe(403);
      expect(await forged.json()).toEqual(CROSS_SITE_ANSWER);
    });
  });
});

describe("cookies", () => {
  it("keep the session HttpOnly and SameSite=Lax on the plain-http test site", async () => {
    const response = await postCredentials(baseUrl, inject("adminEmail"), inject("adminPassword"));
    const line = response.headers.getSetCookie().find((c) => /session-token=/.test(c))!;
    expect(attributesOf(line)).toEqual(expect.arrayContaining(["httponly", "samesite=lax", "path=/"]));
  });

  describe("served over https (behind a TLS-terminating proxy)", () => {
    let server: AppServer;
    let dataDir: string;
    const database = `crosscurrent_e2e_https_${process.pid}`;
    const admin = { email: "https-admin@crosscurrent.test", password: "correct horse battery staple" };

    let databaseUrl: string;

    beforeAll(async () => {
      databaseUrl = await secondDatabase(database);
      dataDir = await mkdtemp(path.join(tmpdir(), "crosscurrent-https-"));
      server = await startAppServer({
        DATABASE_URL: databaseUrl,
        DATA_DIR: dataDir,
        AUTH_SECRET: "https-secret-https-secret-https-secret-https",
        SEED_ADMIN_EMAIL: admin.email,
        SEED_ADMIN_PASSWORD: admin.password,
        SITE_URL: "https://news.example",
      });
    });
    afterAll(async () => {
      await server?.stop();
      await dropDatabase(database);
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    });

    it("marks the session and the saved-commenter cookies Secure", async () => {
      const headers = { Origin: "https://news.example" };
      const response = await postCredentials(server.baseUrl, admin.email, admin.password, headers);
      const line = response.headers.getSetCookie().find((c) => /session-token=/.test(c))!;
      expect(line).toMatch(/^__Secure-/);
      expect(attributesOf(line)).toEqual(expect.arrayContaining(["httponly", "samesite=lax", "secure"]));

      const comment = await fetch(`${server.baseUrl}/api/comments`, {
        method: "POST",
        headers: { ...headers, "Content-Type": "application/json" },
        body: JSON.stringify({
          articleId: await aPublishedArticleId(databaseUrl),
          name: "Reader",
          email: "reader@example.com",
          body: "A thought worth keeping.",
          remember: true,
        }),
      });
      expect(comment.status).toBeLessThan(300);
      const saved = comment.headers.getSetCookie();
      expect(saved.length).toBeGreaterThan(0);
      for (const cookie of saved)
        expect(attributesOf(cookie), cookie).toEqual(expect.arrayContaining(["secure", "samesite=lax"]));
    });
  });
});
