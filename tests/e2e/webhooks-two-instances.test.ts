// Webhooks through the real app, with two instances on one database: an admin adds an endpoint,
// an authorization is revoked on the other instance, and a receiver on this machine (it checks
// every signature, answers 500 and then 200) sees `article.withdrawn` signed and valid, after one
// failed attempt, exactly once. Retries wait WEBHOOK_RETRY_DELAY_SECONDS=1 (the global setup sets
// it, as it sets WEBHOOK_ALLOW_PRIVATE=true for this local receiver).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startAppServer, type AppServer } from "../support/app-server";
import { signInOverHttp } from "../support/server-actions";
import {
  addEndpoint,
  deliveryOf,
  publishedReprint,
  quietFor,
  revoke,
  startReceiver,
  WEBHOOK_ENV,
} from "../support/webhooks";

const baseUrl = inject("baseUrl");
const databaseUrl = inject("databaseUrl");

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

      // The admin sees it in the endpoint's log (both attempts) and among the jobs.
      const { rows } = await sql.query<{ id: string }>(`select id from "WebhookEndpoint" where url = $1`, [
        receiver.url,
      ]);
      const log = await fetch(`${baseUrl}/admin/webhooks/${rows[0]!.id}`, { headers: { Cookie: cookie } });
      const logHtml = await log.text();
      expect(logHtml).toContain("Delivered");
      expect(logHtml).toContain("The receiver answered 500.");
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
