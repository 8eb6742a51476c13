// The site `npm run bench` and `npm run bench:cluster` measure, and what they need first: the
// production build, wrk and a local PostgreSQL server whose database they create and drop. The
// launcher seeds the demo content into the empty database; seedBulkSite() then adds the bulk
// articles and comments (scripts/db-seed-bulk.ts) and the article with the long discussion, before
// any page is rendered; pageRoutes() are the public pages both benchmarks load.
import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { buildDir, launcherDir } from "@/lib/platform/server/build-dir";
import { seedLongDiscussion, type LongDiscussion } from "./comments";
import { run, TSX } from "./processes";
import { wrkMissing } from "./wrk";

export const ARTICLES = 10_000;
export const COMMENTS = 100_000;
/** Approved comments on the "long discussion" article. */
export const LONG_DISCUSSION = 500;
export const BENCH_ADMIN = { email: "bench@crosscurrent.test", password: "bench password, long enough" };

const LOCAL_HOSTS = ["localhost", "127.0.0.1", "::1", "[::1]"];

/** What keeps a benchmark from running here (no build, no wrk, a database server not local), or null. */
export function benchPrerequisiteMissing(serverUrl: string): string | null {
  const distDir = buildDir();
  if (
    !existsSync(path.join(distDir, "BUILD_ID")) ||
    !existsSync(path.join(launcherDir(distDir), "serve.mjs"))
  ) {
    return `No production build in ${distDir}: run \`NEXT_DIST_DIR=${distDir} npm run build\` first.`;
  }
  const wrk = wrkMissing();
  if (wrk) return wrk;
  if (!LOCAL_HOSTS.includes(new URL(serverUrl).hostname)) {
    return "The benchmark creates and drops a database: BENCH_DATABASE_URL must be a local server.";
  }
  return null;
}

export async function sql(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export interface BulkSite {
  /** The first bulk article's page. */
  articlePath: string;
  /** The bulk seed's run tag, in every slug it made. */
  run8: string;
  discussionPath: string;
  discussion: LongDiscussion;
  /** The bulk seed's own summary line. */
  summary: string;
}

/**
 * Bulk articles and comments into the database the app at `appEnv` has just seeded, then
 * LONG_DISCUSSION approved comments on the second bulk article, with fresh planner statistics
 * (as autovacuum would have gathered on a live site).
 */
export async function seedBulkSite(
  appEnv: Record<string, string | undefined>,
  sizes: { articles: number; comments: number } = { articles: ARTICLES, comments: COMMENTS },
): Promise<BulkSite> {
  const databaseUrl = appEnv.DATABASE_URL!;
  const seeded = await run(
    process.execPath,
    [
      TSX,
      "scripts/db-seed-bulk.ts",
      "--articles",
      String(sizes.articles),
      "--comments",
      String(sizes.comments),
    ],
    { ...process.env, ...appEnv },
  );
  const articlePath = /first: (\/articles\/\S+?)\)/.exec(seeded)?.[1];
  if (!articlePath) throw new Error(`The bulk seed printed no first article:\n${seeded}`);
  const run8 = /^\/articles\/bulk-(.+)-1$/.exec(articlePath)?.[1];
  if (!run8) throw new Error(`The first bulk article's slug has an unexpected form: ${articlePath}`);
  await sql(databaseUrl, "analyze");
  // Before any page is rendered, so no cache holds the article without its discussion.
  const discussion = await seedLongDiscussion(databaseUrl, `bulk-${run8}-2`, LONG_DISCUSSION);
  await sql(databaseUrl, "analyze");
  return {
    articlePath,
    run8,
    discussionPath: `/articles/bulk-${run8}-2`,
    discussion,
    summary: seeded.trim(),
  };
}

/** The public pages the benchmarks load. */
export function pageRoutes(site: BulkSite): Array<{ name: string; path: string }> {
  return [
    { name: "article", path: site.articlePath },
    { name: `article, ${LONG_DISCUSSION} comments`, path: site.discussionPath },
    { name: "home", path: "/" },
    { name: "tag archive", path: `/tags/bulk-tag-${site.run8}-1` },
    { name: "search", path: "/search?q=Taiwan" },
    { name: "feed", path: "/feed.xml" },
  ];
}
