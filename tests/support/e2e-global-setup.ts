// End-to-end tests run against the production build, started the way `npm start` starts it,
// on a database of their own.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startAppServer } from "./app-server";
import { assertBrowserAvailable } from "./browser";
import { adminQuery } from "./int-global-setup";
import { testServerUrl, withDatabase } from "./test-database-url";

export const E2E_ADMIN = { email: "admin@crosscurrent.test", password: "correct horse battery staple" };

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    adminEmail: string;
    adminPassword: string;
    /** The app's database, for tests that play a second instance; null on the embedded one. */
    databaseUrl: string | null;
  }
}

export default async function setup(project: TestProject) {
  assertBrowserAvailable();
  const serverUrl = testServerUrl();
  const dataDir = await mkdtemp(path.join(tmpdir(), "crosscurrent-e2e-"));
  const database = `crosscurrent_e2e_${process.pid}`;
  if (serverUrl) {
    await adminQuery(serverUrl, `drop database if exists ${database} with (force)`);
    await adminQuery(serverUrl, `create database ${database}`);
  }
  const server = await startAppServer({
    DATABASE_URL: serverUrl ? withDatabase(serverUrl, database) : undefined,
    DATA_DIR: dataDir,
    AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
    SEED_ADMIN_EMAIL: E2E_ADMIN.email,
    SEED_ADMIN_PASSWORD: E2E_ADMIN.password,
    // As behind a reverse proxy on this machine: tests tell readers apart by X-Forwarded-For.
    TRUSTED_PROXY: "127.0.0.1",
    // Webhook tests run their receiver on this machine, and retry after 1 s rather than 30 s.
    WEBHOOK_ALLOW_PRIVATE: "true",
    WEBHOOK_RETRY_DELAY_SECONDS: "1",
    // Lets tests tell an answer from the launcher's memory from one Next gave.
    EXPOSE_NEXT_REQUEST_COUNT: "true",
  });
  project.provide("baseUrl", server.baseUrl);
  project.provide("adminEmail", E2E_ADMIN.email);
  project.provide("adminPassword", E2E_ADMIN.password);
  project.provide("databaseUrl", serverUrl ? withDatabase(serverUrl, database) : null);

  return async () => {
    await server.stop();
    if (serverUrl) await adminQuery(serverUrl, `drop database if exists ${database} with (force)`);
    await rm(dataDir, { recursive: true, force: true });
  };
}
