// Runs before each integration test file: a database of its own, cloned from the migrated
// template (or a fresh in-memory embedded one), exposed as DATABASE_URL before lib/platform/db loads.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes } from "node:crypto";
import { afterAll, beforeEach, inject } from "vitest";
import { EVERYTHING, markInvalidated } from "@/lib/platform/cache/registry";
import { startEmbeddedDatabase } from "@/lib/platform/database/embedded";
import { applyMigrations } from "@/lib/platform/database/migrations";
import { resetClock } from "@/lib/platform/clock";
import { adminQuery } from "./int-global-setup";
import { withDatabase } from "./test-database-url";

const templateUrl = inject("templateDatabaseUrl");
const appGlobals = globalThis as unknown as { prisma?: { $disconnect(): Promise<void> } };
// A worker runs several files in turn: never reuse the previous file's client.
delete appGlobals.prisma;

if (templateUrl) {
  const name = `crosscurrent_test_${randomBytes(6).toString("hex")}`;
  const template = new URL(templateUrl).pathname.slice(1);
  await adminQuery(withDatabase(templateUrl, "postgres"), `create database ${name} template ${template}`);
  process.env.DATABASE_URL = withDatabase(templateUrl, name);
  afterAll(async () => {
    await disconnectAppClient();
    await adminQuery(withDatabase(templateUrl, "postgres"), `drop database if exists ${name} with (force)`);
  });
} else {
  const embedded = await startEmbeddedDatabase({ dataDir: null });
  await applyMigrations(embedded.url);
  process.env.DATABASE_URL = embedded.url;
  afterAll(async () => {
    await disconnectAppClient();
    await embedded.stop();
  });
}

afterAll(() => resetClock());

async function disconnectAppClient() {
  await appGlobals.prisma?.$disconnect();
  delete appGlobals.prisma;
}

// Tests write to the database directly, past the invalidations the app's own writes make: start
// every test with nothing cached in this process.
beforeEach(() => markInvalidated([EVERYTHING]));

// Pages rendered here run outside Next, where `unstable_cache` (used to tag pages for the page
// cache) needs what Next's server provides: AsyncLocalStorage on globalThis, and an incremental
// cache to talk to (this one stores nothing). The page cache itself is exercised against the
// real server in tests/e2e.
(globalThis as { AsyncLocalStorage?: unknown }).AsyncLocalStorage = AsyncLocalStorage;
(globalThis as { __incrementalCache?: unknown }).__incrementalCache = {
  isOnDemandRevalidate: false,
  generateSimpleCacheKey: async (key: string) => key,
  get: async () => null,
  set: async () => {},
};
