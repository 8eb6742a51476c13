// Webhook tests' helpers: a receiver on this machine that checks signatures, a published reprint
// written straight to the database, and the admin actions that add an endpoint and revoke.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type pg from "pg";
import { expect } from "vitest";
import { SIGNATURE_HEADER, verifySignature } from "@/lib/webhooks/signing";
import { callServerAction, serverActionId } from "./server-actions";

/** As the global e2e setup runs the app: a local receiver allowed, retries after 1 s. */
export const WEBHOOK_ENV = { WEBHOOK_ALLOW_PRIVATE: "true", WEBHOOK_RETRY_DELAY_SECONDS: "1" };
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
export async function startReceiver(answer: (n: number) => number | "hold") {
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
export async function publishedReprint(sql: pg.Client) {
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
export async function addEndpoint(app: string, cookie: string, sql: pg.Client, url: string): Promise<string> {
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

export async function revoke(app: string, cookie: string, authorizationId: string) {
  const revoked = await callServerAction<{ ok: boolean; message: string }>(
    app,
    `/admin/authorizations/${authorizationId}`,
    await serverActionId(AUTHORIZATION_ACTIONS, "revokeAuthorization"),
    [{ id: authorizationId, version: 1, reason: "The rights holder withdrew permission by email." }],
    { cookie },
  );
  expect(revoked.result, revoked.body.slice(0, 300)).toMatchObject({ ok: true });
}

export async function deliveryOf(sql: pg.Client, url: string) {
  const { rows } = await sql.query<{ status: string; attemptCount: number }>(
    `select d.status, d."attemptCount" from "WebhookDelivery" d join "WebhookEndpoint" e on e.id = d."endpointId" where e.url = $1`,
    [url],
  );
  return rows;
}

export const quietFor = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
