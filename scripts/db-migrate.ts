// npm run db:migrate: apply pending migrations to DATABASE_URL, or to the embedded database.
// npm run db:migrate -- --rolled-back <name>: after repairing a failed migration by hand,
// mark it rolled back so the next run retries it.
import { parseArgs } from "node:util";
import { applyMigrations, markRolledBack } from "@/lib/platform/database/migrations";
import { openDatabase } from "@/lib/platform/database/open";
import { env } from "@/lib/platform/env";

const { values } = parseArgs({ options: { "rolled-back": { type: "string" } } });

const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR }).catch(
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
try {
  if (values["rolled-back"]) {
    await markRolledBack(database.url, values["rolled-back"]);
    console.log(`Marked ${values["rolled-back"]} rolled back.`);
  } else {
    const applied = await applyMigrations(database.url);
    console.log(applied.length ? `Applied: ${applied.join(", ")}` : "No pending migrations.");
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await database.close();
}
