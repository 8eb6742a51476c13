// The one PrismaClient of this process, on the pg driver adapter.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

/** A client on `connectionString`; the app uses `db` below, scripts and tests may make their own. */
export function createPrismaClient(connectionString: string, poolSize = 10) {
  const adapter = new PrismaPg({ connectionString, max: poolSize });
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

export type Db = ReturnType<typeof createPrismaClient>;
export type DbTransaction = Parameters<Parameters<Db["$transaction"]>[0]>[0];

function createClient(): Db {
  if (!env.DATABASE_URL) {
    throw new Error(
      "DATABASE_URL is not set. Start the app with `npm start` or `npm run dev` (they start the embedded database), or set DATABASE_URL.",
    );
  }
  return createPrismaClient(env.DATABASE_URL);
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
