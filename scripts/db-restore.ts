// npm run db:restore <file>: replace the contents of DATABASE_URL (pg_restore) or of the embedded
// database (stop the app first) with a backup made by npm run db:backup.
import { backupTarget, restoreDatabase } from "@/lib/platform/database/backup";
import { env } from "@/lib/platform/env";

const file = process.argv[2];
if (!file) {
  console.error("Usage: npm run db:restore <file>");
  process.exit(2);
}
const target = backupTarget(env.DATABASE_URL, env.DATA_DIR);
try {
  await restoreDatabase(target, file);
  console.log(`Restored ${target.kind === "server" ? "DATABASE_URL" : "the embedded database"} from ${file}`);
  if (target.kind === "embedded")
    console.log(`The replaced data is kept in ${env.DATA_DIR}/pglite.before-restore`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
