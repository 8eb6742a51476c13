// npm run media:migrate -- --from local --to postgres: copies every stored file (media, their
// resized copies, authorization evidence) from one storage backend (local, postgres or s3) to
// another, verifying each copy's SHA-256. Files the target already holds unchanged are skipped, so
// an interrupted run is resumed by running it again. The source is left as it was. Then set
// MEDIA_STORAGE to the target and restart the app. S3 is the bucket of the S3_* settings. With the
// embedded database, stop the app first (one process opens it).
import path from "node:path";
import { parseArgs } from "node:util";
import { applyMigrations } from "@/lib/platform/database/migrations";
import { openDatabase, type OpenDatabase } from "@/lib/platform/database/open";
import { createPrismaClient, type Db } from "@/lib/platform/db";
import { env } from "@/lib/platform/env";
import { copyBetweenStorages } from "@/lib/platform/storage/copy-between";
import { LocalDiskStorage } from "@/lib/platform/storage/local-disk";
import { PostgresStorage } from "@/lib/platform/storage/postgres";
import { S3Storage, s3SettingsOf } from "@/lib/platform/storage/s3";
import type { Storage } from "@/lib/platform/storage/storage";

const BACKENDS = ["local", "postgres", "s3"] as const;
type Backend = (typeof BACKENDS)[number];
const USAGE = "Usage: npm run media:migrate -- --from local|postgres|s3 --to local|postgres|s3 [--quiet]";

function backendOf(value: string | undefined): Backend {
  if (!BACKENDS.includes(value as Backend)) {
    console.error(USAGE);
    process.exit(2);
  }
  return value as Backend;
}

const { values } = parseArgs({
  options: { from: { type: "string" }, to: { type: "string" }, quiet: { type: "boolean" } },
});
const from = backendOf(values.from);
const to = backendOf(values.to);
if (from === to) {
  console.error(`--from and --to are both ${from}: nothing to copy.\n${USAGE}`);
  process.exit(2);
}

let database: OpenDatabase | undefined;
let client: Db | undefined;
let s3: S3Storage | undefined;
try {
  // First, so that a missing S3 setting is said before anything is opened.
  if (from === "s3" || to === "s3") s3 = new S3Storage(s3SettingsOf(env));
  if (from === "postgres" || to === "postgres") {
    // Migrations first: the table may be new.
    database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
    await applyMigrations(database.url);
    client = createPrismaClient(database.url, 2);
  }
  const open = (backend: Backend): Storage => {
    switch (backend) {
      case "s3":
        return s3!;
      case "postgres":
        return new PostgresStorage(client!);
      case "local":
        return new LocalDiskStorage(path.join(env.DATA_DIR, "uploads"));
    }
  };
  const report = await copyBetweenStorages(open(from), open(to), (key, outcome) => {
    if (!values.quiet || outcome === "failed") console.log(`${outcome.padEnd(7)} ${key}`);
  });
  for (const { key, reason } of report.failed) console.error(`FAILED ${key}: ${reason}`);
  console.log(
    `${from} → ${to}: ${report.total} file(s), ${report.copied} copied and verified, ` +
      `${report.skipped} already there (same SHA-256), ${report.failed.length} failed.`,
  );
  if (report.failed.length > 0) {
    console.error(
      "Run the command again to retry the failed files; keep MEDIA_STORAGE as it is until none fail.",
    );
    process.exitCode = 1;
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
} finally {
  s3?.destroy();
  await client?.$disconnect();
  await database?.close();
}
