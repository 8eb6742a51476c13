// The one PrismaClient of this process, on the pg driver adapter.
import { PrismaPg } from "@prisma/adapter-pg";
import type { PoolConfig } from "pg";
import { AvailabilityWatchingClient } from "@/lib/platform/database/availability";
import { isEmbeddedDatabaseUrl } from "@/lib/platform/database/embedded-url";
import { preparedStatementName } from "@/lib/platform/database/prepared-statements";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/platform/env";

// Prisma's defaults (2 s to get a pooled connection for a transaction, 5 s for the whole
// transaction) turn a busy moment into 500s: 200 comments at once on a 2-core machine, or the
// first start's seeding on a loaded one. A transaction waits about as long as a plain query would.
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 15_000 };

// How long a pooled connection may sit unused before it is closed. pg's default, 10 s, closed them
// between most readers of a quiet site, and a new connection's server process has yet to load the
// catalog and the text search dictionaries: the search query planned in 13–16 ms and ran in
// 44–63 ms on a new connection, against 1.7 and 23 ms on one that had run it before. Idle
// connections do not keep a script from exiting.
const POOL_IDLE_TIMEOUT_MS = 5 * 60_000;

/** A client on `connectionString`; the app uses `db` below, scripts and tests may make their own. */
export function createPrismaClient(connectionString: string, poolSize = 10, Client?: PoolConfig["Client"]) {
  const embedded = isEmbeddedDatabaseUrl(connectionString);
  const adapter = new PrismaPg(
    {
      ...(embedded ? { connectionString } : withoutJit(connectionString)),
      max: poolSize,
      idleTimeoutMillis: POOL_IDLE_TIMEOUT_MS,
      allowExitOnIdle: true,
      ...(Client ? { Client } : {}),
    },
    // Queries marked with preparedSql are prepared once per connection (prepared-statements.ts).
    embedded ? {} : { statementNameGenerator: preparedStatementName },
  );
  return new PrismaClient({
    adapter,
    omit: { user: { passwordHash: true }, webhookEndpoint: { secret: true } },
    transactionOptions: TRANSACTION_OPTIONS,
  });
}

/**
 * The connection with JIT off beside the server options of the URL's `options` parameter, if any
 * (taken out of the URL: pg would let it override the one given beside it).
 * PostgreSQL compiles a query with LLVM when its estimated cost is high, and the rights rule's
 * nested EXISTS (publicArticleSql) puts a search over 10,000 articles at millions: compiling took
 * 1.1 s of a query that runs in 0.15 s. None of the app's queries run long enough to gain from it.
 */
function withoutJit(connectionString: string): { connectionString: string; options: string } {
  const url = new URL(connectionString);
  const given = url.searchParams.get("options");
  url.searchParams.delete("options");
  return { connectionString: url.toString(), options: [given, "-c jit=off"].filter(Boolean).join(" ") };
}

export type Db = ReturnType<typeof createPrismaClient>;
export type DbTransaction = Parameters<Parameters<Db["$transaction"]>[0]>[0];

function createClient(): Db {
  if (!env.DATABASE_URL) {
    throw new Error(
      "DATABASE_URL is not set. Start the app with `npm start` or `npm run dev` (they start the embedded database), or set DATABASE_URL.",
    );
  }
  // Its connections report failures to lib/platform/database/availability.ts, which turns an outage into 503s.
  return createPrismaClient(env.DATABASE_URL, 10, AvailabilityWatchingClient);
}

// One client per process, kept across hot reloads in development, and created on first use
// so that importing this module (as `next build` does) needs no database.
const globalForPrisma = globalThis as unknown as { prisma?: Db };

function client(): Db {
  return (globalForPrisma.prisma ??= createClient());
}

export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const instance = client();
    const value: unknown = Reflect.get(instance, property);
    return typeof value === "function" ? value.bind(instance) : value;
  },
});
