// Webhooks through the real app: an admin adds an endpoint, an authorization is revoked, and a
// receiver on this machine (it checks every signature, answers 500 and then 200) sees
// `article.withdrawn` signed and valid, after one failed attempt, exactly once, with two app
// instances on one database. Then the app is killed (kill -9) while the receiver holds the
// request: after a restart the job is delivered, once. Retries wait WEBHOOK_RETRY_DELAY_SECONDS=1
// (the global setup sets it, as it sets WEBHOOK_ALLOW_PRIVATE=true for this local receiver).
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { SIGNATURE_HEADER, verifySignature } from "@/lib/webhooks/signing";
import { killAppServer } from "../support/app-processes";
import { startAppServer, type AppServer } from "../support/app-server";
import { adminQuery } from "../support/int-global-setup";
import { callServerAction, serverActionId, signInOverHttp } from "../support/server-actions";
import { testServerUrl, withDatabase } from "../support/test-database-url";

const baseUrl = inject("baseUrl");
const databaseUrl = inject("databaseUrl");
const WEBHOOK_ENV = { WEBHOOK_ALLOW_PRIVATE: "true", WEBHOOK_RETRY_DELAY_SECONDS: "1" };
const WEBHOOK_ACTIONS = "app/(admin)/admin/webhooks/actions.ts";
const AUTHORIZATION_ACTIONS = "app/(admin)/admin/authorizations/actions.ts";

interface Received {
  body: string;
  valid: boolean;
  event: { id: string; event: string; data: { reasonCode?: string; article?: { id: string } } };
}

/**
 * A receiver that checks each request's signature and answers it with `answer(n)` (n counts
 * from 0): a status, or "hold" to keep the request open until the sender goes away.
 */
async function startReceiver(answer: (n: number) => number | "hold") {
  const received: Received[] = [];
  let secret = "";
  const waiters: Array<() => void> = [];
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      const header = request.headers[SIGNATURE_HEADER.toLowerCase()] as string | undefined;
      const n = received.length;
      received.push({
        body,
        valid: verifySignature(secret, body, header, new Date()),
        event: JSON.parse(body) as Received["event"],
      });
      for (const wake of waiters.splice(0)) wake();
      const reply = answer(n);
      if (reply === "hold") return;
      response.statusCode = reply;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/${randomBytes(3).toString("hex")}`,
    received,
    useSecret: (value: string) => (secret = value),
    async waitFor(count: number, ms: number) {
      const deadline = Date.now() + ms;
      while (received.length < count) {
        if (Date.now() > deadline)
          throw new Error(`The receiver got ${received.length} of ${count} requests.`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 250);
        });
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A source with a granted whole-source authorization and one published reprint under it. */
async function publishedReprint(sql: pg.Client) {
  const tag = randomBytes(4).toString("hex");
  const ids = {
    source: `src${tag}`,
    authorization: `auth${tag}`,
    article: `art${tag}`,
    slug: `webhook-reprint-${tag}`,
  };
  await sql.query(
    `insert into "Source" (id, name, slug, kind, "updatedAt") values ($1, $2, $3, 'WEBSITE', now())`,
    [ids.source, `Webhook source ${tag}`, `webhook-source-${tag}`],
  );
  await sql.query(
    `insert into "ReprintAuthorization" (id, "sourceId", status, "validFrom", "decidedAt", "attributionText", "updatedAt")
     values ($1, $2, 'GRANTED', now() - interval '1 day', now() - interval '1 day', 'Reprinted with permission.', now())`,
    [ids.authorization, ids.source],
  );
  await sql.query(
    `insert into "AuthorizationEvidence" (id, "authorizationId", kind, url) values ($1, $2, 'URL', 'https://example.com/ok')`,
    [`ev${tag}`, ids.authorization],
  );
  await sql.query(
    `insert into "Article" (id, slug, title, body, status, "publishedAt", kind, "sourceId", "authorizationId", "originalUrl", "updatedAt")
     values ($1, $2, $3, $4, 'PUBLISHED', now() - interval '1 hour', 'REPRINT', $5, $6, 'https://example.com/original', now())`,
    [
      ids.article,
      ids.slug,
      `Webhook reprint ${tag}`,
      JSON.stringify({
        type: "doc",
        content: [{ type: "paragraph", content: [{ type: "text", text: "Text." }] }],
      }),
      ids.source,
      ids.authorization,
    ],
  );
  return ids;
}

/** As the admin: adds an endpoint for `article.withdrawn`, returns its secret (read from the database). */
async function addEndpoint(app: string, cookie: string, sql: pg.Client, url: string): Promise<string> {
  const created = await callServerAction(
    app,
    "/admin/webhooks/new",
    await serverActionId(WEBHOOK_ACTIONS, "createWebhook"),
    [{ url, events: ["article.withdrawn"], active: "on" }],
    { cookie },
  );
  expect(created.redirect, created.body.slice(0, 300)).toMatch(/^\/admin\/webhooks\/c/);
  const { rows } = await sql.query<{ secret: string }>(
    `select secret from "WebhookEndpoint" where url = $1`,
    [url],
  );
  expect(rows).toHaveLength(1);
  return rows[0]!.secret;
}

async function revoke(app: string, cookie: string, authorizationId: string) {
  const revoked = await callServerAction<{ ok: boolean; message: string }>(
    app,
    `/admin/authorizations/${authorizationId}`,
    await serverActionId(AUTHORIZATION_ACTIONS, "revokeAuthorization"),
    [{ id: authorizationId, version: 1, reason: "The rights holder withdrew permission by email." }],
    { cookie },
  );
  expect(revoked.result, revoked.body.slice(0, 300)).toMatchObject({ ok: true });
}

async function deliveryOf(sql: pg.Client, url: string) {
  const { rows } = await sql.query<{ status: string; attemptCount: number }>(
    `select d.status, d."attemptCount" from "WebhookDelivery" d join "WebhookEndpoint" e on e.id = d."endpointId" where e.url = $1`,
    [url],
  );
  return rows;
}

const quietFor = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("webhooks with two app instances on one database", () => {
  let second: AppServer;
  let sql: pg.Client;
  let cookie: string;
  let dataDir: string;

  beforeAll(async () => {
    if (!databaseUrl) throw new Error("These tests need PostgreSQL: set TEST_DATABASE_URL.");
    dataDir = await mkdtemp(path.join(tmpdir(), "crosscurrent-webhooks-"));
    second = await startAppServer({
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
      TRUSTED_PROXY: "127.0.0.1",
      ...WEBHOOK_ENV,
    });
    sql = new pg.Client({ connectionString: databaseUrl });
    await sql.connect();
    cookie = await signInOverHttp(baseUrl, inject("adminEmail"), inject("adminPassword"));
  }, 120_000);
  afterAll(async () => {
    await second?.stop();
    await sql?.end();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("delivers article.withdrawn signed and valid, after one failed attempt, exactly once", async () => {
    const receiver = await startReceiver((n) => (n === 0 ? 500 : 200));
    try {
      const secret = await addEndpoint(baseUrl, cookie, sql, receiver.url);
      receiver.useSecret(secret);
      const reprint = await publishedReprint(sql);
      await revoke(second.baseUrl, cookie, reprint.authorization);

      await receiver.waitFor(2, 20_000);
      await quietFor(3_000); // no third request: the 200 ended it, on both instances
      expect(receiver.received.map((r) => r.valid)).toEqual([true, true]);
      const [failed, delivered] = receiver.received;
      expect(delivered!.body).toBe(failed!.body);
      expect(delivered!.event).toMatchObject({
        event: "article.withdrawn",
        data: { reasonCode: "REVOKED", article: { id: reprint.article } },
      });
      expect(await deliveryOf(sql, receiver.url)).toEqual([{ status: "DELIVERED", attemptCount: 2 }]);

      // The admin sees it in the endpoint's log and among the jobs.
      const jobs = await fetch(`${baseUrl}/admin/jobs?state=completed&name=webhooks.deliver`, {
        headers: { Cookie: cookie },
      });
      expect(jobs.status).toBe(200);
      expect(await jobs.text()).toContain("webhooks.deliver");
    } finally {
      await receiver.close();
    }
  }, 60_000);
});

describe("webhook jobs and kill -9", () => {
  const serverUrl = testServerUrl();
  const database = `crosscurrent_webhooks_${process.pid}`;
  const admin = {
    email: "webhooks-admin@crosscurrent.test",
    password: "webhooks admin password, long enough",
  };
  let app: AppServer | undefined;
  let sql: pg.Client;
  let dataDir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    if (!serverUrl) throw new Error("These tests need PostgreSQL: set TEST_DATABASE_URL.");
    dataDir = await mkdtemp(path.join(tmpdir(), "crosscurrent-webhooks-kill-"));
    await adminQuery(serverUrl, `drop database if exists ${database} with (force)`);
    await adminQuery(serverUrl, `create database ${database}`);
    env = {
      DATABASE_URL: withDatabase(serverUrl, database),
      DATA_DIR: dataDir,
      AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
      SEED_ADMIN_EMAIL: admin.email,
      SEED_ADMIN_PASSWORD: admin.password,
      LOG_LEVEL: "warn",
      ...WEBHOOK_ENV,
    };
    app = await startAppServer(env);
    sql = new pg.Client({ connectionString: withDatabase(serverUrl, database) });
    await sql.connect();
  }, 120_000);
  afterAll(async () => {
    await app?.stop();
    await sql?.end();
    if (serverUrl) await adminQuery(serverUrl, `drop database if exists ${database} with (force)`);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("delivers a job cut off by kill -9 after the restart, once", async () => {
    // The first request is held open, as by a slow receiver, until the app dies under it.
    const receiver = await startReceiver((n) => (n === 0 ? "hold" : 200));
    try {
      const cookie = await signInOverHttp(app!.baseUrl, admin.email, admin.password);
      receiver.useSecret(await addEndpoint(app!.baseUrl, cookie, sql, receiver.url));
      const reprint = await publishedReprint(sql);
      await revoke(app!.baseUrl, cookie, reprint.authorization);
      await receiver.waitFor(1, 15_000);

      await killAppServer(app!.baseUrl);
      app = undefined;
      expect(await deliveryOf(sql, receiver.url)).toEqual([{ status: "PENDING", attemptCount: 0 }]);

      app = await startAppServer(env);
      // The cut-off attempt expires (15 s after it began), the queue retries it.
      await receiver.waitFor(2, 45_000);
      await quietFor(2_000);
      expect(receiver.received).toHaveLength(2);
      expect(receiver.received.map((r) => r.valid)).toEqual([true, true]);
      expect(receiver.received[1]!.event).toMatchObject({
        event: "article.withdrawn",
        data: { reasonCode: "REVOKED", article: { id: reprint.article } },
      });
      expect(receiver.received[1]!.body).toBe(receiver.received[0]!.body);
      expect(await deliveryOf(sql, receiver.url)).toEqual([{ status: "DELIVERED", attemptCount: 1 }]);
    } finally {
      await receiver.close();
    }
  }, 150_000);
});
