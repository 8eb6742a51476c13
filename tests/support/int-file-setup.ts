// Runs before each integration test file: a database of its own, cloned from the migrated
// template (or a fresh in-memory embedded one), exposed as DATABASE_URL before lib/db loads.
import { randomBytes } from "node:crypto";
import { afterAll, inject } from "vitest";
import { startEmbeddedDatabase } from "@/lib/database/embedded";
import { applyMigrations } from "@/lib/database/migrations";
import { resetClock } from "@/lib/clock";
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
