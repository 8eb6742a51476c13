// npm run db:seed:bulk -- --articles 10000 --comments 100000: synthetic data for benchmarks.
import { parseArgs } from "node:util";
import pg from "pg";
import { z } from "zod";
import { applyMigrations } from "@/lib/platform/database/migrations";
import { openDatabase } from "@/lib/platform/database/open";
import { env } from "@/lib/platform/env";
import { seedBulk } from "@/lib/seed/bulk";

const Args = z.object({
  articles: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
  comments: z.coerce.number().int().min(0).max(10_000_000).default(100_000),
});

const { values } = parseArgs({ options: { articles: { type: "string" }, comments: { type: "string" } } });
const parsed = Args.safeParse(values);
if (!parsed.success) {
  console.error(`Bad arguments: ${z.prettifyError(parsed.error)}`);
  process.exit(2);
}

const started = performance.now();
const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
const client = new pg.Client({ connectionString: database.url });
try {
  await applyMigrations(database.url);
  await client.connect();
  const result = await seedBulk(client, parsed.data);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `Seeded ${result.articles} articles, ${result.comments} comments, ${result.tags} tags, ` +
      `${result.people} people, ${result.sources} sources in ${seconds} s (first: /articles/${result.firstArticleSlug}).`,
  );
} finally {
  await client.end();
  await database.close();
}
