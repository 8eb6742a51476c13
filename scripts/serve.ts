// npm start / npm run dev: open the database (DATABASE_URL, or the embedded one), apply
// migrations, seed an empty database, then run Next with DATABASE_URL pointing at it.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { resolveAuthSecret } from "@/lib/auth/local-secret";
import { openDatabase, type OpenDatabase } from "@/lib/database/open";
import { prepareDatabase } from "@/lib/database/prepare";
import { env } from "@/lib/env";

const mode = process.argv[2];
if (mode !== "start" && mode !== "dev") {
  console.error("Usage: tsx scripts/serve.ts start|dev");
  process.exit(2);
}

let database: OpenDatabase | undefined;
try {
  database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  const authSecret = await resolveAuthSecret({
    authSecret: env.AUTH_SECRET,
    production: env.NODE_ENV === "production",
    dataDir: env.DATA_DIR,
  });
  const { appliedMigrations, seeded } = await prepareDatabase(database.url, {
    seed: true,
    admin: { email: env.SEED_ADMIN_EMAIL, password: env.SEED_ADMIN_PASSWORD },
  });
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
  runNext(database, authSecret);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  await database?.close().catch(() => {});
  process.exit(1);
}

function runNext(database: OpenDatabase, authSecret: string) {
  const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
  const child = spawn(process.execPath, [nextBin, mode!, "--port", String(env.PORT)], {
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      AUTH_SECRET: authSecret,
      SITE_URL: env.SITE_URL,
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? env.SITE_URL,
    },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => child.kill(signal));
  }
  child.on("exit", async (code, signal) => {
    await database.close().catch(() => {});
    process.exit(code ?? (signal ? 1 : 0));
  });
}
