// npm run db:backup [file]: back up DATABASE_URL (pg_dump) or the embedded database (stop the
// app first). Without a file, writes DATA_DIR/backups/crosscurrent-<time>.*.
import { backupDatabase, backupTarget, defaultBackupFile } from "@/lib/platform/database/backup";
import { env } from "@/lib/platform/env";

const target = backupTarget(env.DATABASE_URL, env.DATA_DIR);
const file = process.argv[2] ?? defaultBackupFile(target, env.DATA_DIR);
try {
  await backupDatabase(target, file);
  console.log(`Backed up ${target.kind === "server" ? "DATABASE_URL" : "the embedded database"} to ${file}`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
