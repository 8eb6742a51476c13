// npm run db:reset: development only. Drops everything in the database, re-applies all
// migrations and seeds the demo content.
import { openDatabase } from "@/lib/platform/database/open";
import { prepareDatabase } from "@/lib/platform/database/prepare";
import { demoSeeder } from "@/lib/seed/demo-content";
import { env } from "@/lib/platform/env";
import pg from "pg";

if (env.NODE_ENV === "production") {
  console.error("db:reset refuses to run with NODE_ENV=production.");
  process.exit(1);
}

const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
try {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await client.query("drop schema public cascade; create schema public;");
  await client.end();
  const { seeded } = await prepareDatabase(
    database.url,
    demoSeeder({ email: env.SEED_ADMIN_EMAIL, password: env.SEED_ADMIN_PASSWORD }),
  );
  console.log(`Database reset. Admin: ${seeded?.adminEmail}`);
  if (seeded?.generatedPassword) console.log(`Admin password (shown once): ${seeded.generatedPassword}`);
} finally {
  await database.close();
}
