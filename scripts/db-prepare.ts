// Run by the launcher (scripts/serve.ts) as a child process: apply pending migrations to
// DATABASE_URL and seed it when empty, then print the outcome as one JSON line. Separate, so the
// schema engine, the importer and their memory leave with this process instead of staying in
// the server's.
import { prepareDatabase } from "@/lib/platform/database/prepare";
import { demoSeeder } from "@/lib/seed/demo-content";
import { env } from "@/lib/platform/env";

try {
  if (!env.DATABASE_URL) throw new Error("db-prepare needs DATABASE_URL.");
  const result = await prepareDatabase(
    env.DATABASE_URL,
    demoSeeder({ email: env.SEED_ADMIN_EMAIL, password: env.SEED_ADMIN_PASSWORD }),
  );
  console.log(JSON.stringify(result));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
