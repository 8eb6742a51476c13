// npm start / npm run dev: open the database (DATABASE_URL, or the embedded one), apply
// migrations, seed an empty database, then serve Next from this process (lib/platform/server/start-next.ts)
// with DATABASE_URL pointing at it. `npm start` runs this file as `npm run build` bundled it
// (scripts/build-launcher.ts); `npm run dev` runs it through tsx.
import { resolveAuthSecret } from "@/lib/platform/auth/local-secret";
import { openDatabase, type OpenDatabase } from "@/lib/platform/database/open";
import { prepareDatabaseInChild } from "@/lib/platform/database/prepare-in-child";
import { env } from "@/lib/platform/env";
import { startJobQueue, stopJobQueue } from "@/lib/platform/jobs/job-queue";
import { createLogger, flushLogger } from "@/lib/platform/logger";
import { parseTrustedProxies } from "@/lib/platform/server/forwarded-for";

const mode = process.argv[2];
if (mode !== "start" && mode !== "dev") {
  console.error("Usage: tsx scripts/serve.ts start|dev");
  process.exit(2);
}
// Tools that look for the server process (scripts/bench/site.ts, ps) know it by Next's name.
process.title = "next-server (crosscurrent)";

const logger = createLogger(env.LOG_LEVEL);
let database: OpenDatabase | undefined;
try {
  database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  const authSecret = await resolveAuthSecret({
    authSecret: env.AUTH_SECRET,
    production: env.NODE_ENV === "production",
    dataDir: env.DATA_DIR,
  });
  const { appliedMigrations, seeded } = await prepareDatabaseInChild(database.url);
  console.log(
    `Database: ${database.embedded ? `embedded (${env.DATA_DIR}/pglite)` : "DATABASE_URL"}` +
      (appliedMigrations.length ? `, applied ${appliedMigrations.length} migration(s)` : ", up to date"),
  );
  if (seeded) {
    console.log(`Seeded demo content: /articles/${seeded.articleSlug}`);
    console.log(`Admin: ${seeded.adminEmail}`);
    if (seeded.generatedPassword) {
      console.log(`Admin password (shown once, not stored): ${seeded.generatedPassword}`);
    }
  }
  await serve(database, authSecret);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  await database?.close().catch(() => {});
  process.exit(1);
}

async function serve(database: OpenDatabase, authSecret: string) {
  // What `next start`/`next dev` would set, and what the app's own lib/platform/env reads when Next loads it.
  Object.assign(process.env, {
    NODE_ENV: process.env.NODE_ENV || (mode === "dev" ? "development" : "production"),
    NEXT_RUNTIME: "nodejs",
    PORT: String(env.PORT),
    DATABASE_URL: database.url,
    AUTH_SECRET: authSecret,
    SITE_URL: env.SITE_URL,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? env.SITE_URL,
    // Next's origin for its own follow-up requests (server action redirects), as `next start`
    // sets it: never taken from a client's Host header.
    __NEXT_PRIVATE_ORIGIN: `http://localhost:${env.PORT}`,
  });

  // Before Next: its start-up (instrumentation.ts) defines the jobs this instance works on.
  await startJobQueue(database.url, (event, fields) => logger.info({ event, ...fields }, event));

  // Loaded only now: Next and React choose their build by NODE_ENV when first imported.
  const { startNextServer } = await import("@/lib/platform/server/start-next");
  const server = await startNextServer({
    dev: mode === "dev",
    port: env.PORT,
    siteOrigin: new URL(env.SITE_URL).origin,
    trustedProxies: parseTrustedProxies(env.TRUSTED_PROXY),
    serveBenchPages: env.SERVE_BENCH_PAGES ?? false,
    buildIdentity: {
      encryptionKey: env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY,
      deploymentId: env.NEXT_DEPLOYMENT_ID,
    },
    pageMemoryBytes: env.PAGE_MEMORY_MB * 1024 * 1024,
    cdnTags: env.CDN_PURGE_URL !== undefined,
    exposeNextRequestCount: env.EXPOSE_NEXT_REQUEST_COUNT ?? false,
    logger,
  });
  console.log(`Ready on http://localhost:${env.PORT} (${mode === "dev" ? "development" : "production"})`);

  let stopping = false;
  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const) {
    process.on(signal, () => {
      if (stopping) return; // a terminal sends SIGINT to the whole group, often twice
      stopping = true;
      void shutDown(server, database, code);
    });
  }
}

async function shutDown(server: { close(): Promise<void> }, database: OpenDatabase, code: number) {
  await server.close().catch((error: Error) => console.error(error.message));
  // Jobs under way finish (or go back to the queue for a retry) before the database closes.
  await stopJobQueue().catch((error: Error) => console.error(error.message));
  await database.close().catch((error: Error) => console.error(error.message));
  await flushLogger(logger);
  // 128 + the signal's number, as Next's own server exits.
  process.exit(code);
}
