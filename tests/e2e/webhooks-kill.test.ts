// Webhook jobs survive kill -9: the app is killed while the receiver holds the request open, and
// after a restart the queue delivers the job, once. The app runs on a database of its own here.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { killAppServer } from "../support/app-processes";
import { startAppServer, type AppServer } from "../support/app-server";
import { adminQuery } from "../support/int-global-setup";
import { signInOverHttp } from "../support/server-actions";
import { testServerUrl, withDatabase } from "../support/test-database-url";
import {
  addEndpoint,
  deliveryOf,
  publishedReprint,
  quietFor,
  revoke,
  startReceiver,
  WEBHOOK_ENV,
} from "../support/webhooks";

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
