// npm run db:migrate: apply pending migrations to DATABASE_URL, or to the embedded database.
import { openDatabase } from "@/lib/database/open";
import { applyMigrations } from "@/lib/database/migrations";
import { env } from "@/lib/env";

const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR }).catch(
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
try {
  const applied = await applyMigrations(database.url);
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "No pending migrations.");
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await database.close();
}
