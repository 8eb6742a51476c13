// Brings a database up to date before the app serves from it: migrations, then, when it is
// empty, whatever the caller seeds it with (the launcher passes the demo content, lib/seed).
import { createPrismaClient, type Db } from "@/lib/platform/db";
import { applyMigrations } from "./migrations";

/** What seeding an empty database reports: the first admin, and a password shown only once. */
export interface SeedResult {
  adminEmail: string;
  /** Set only when the password was generated: it is shown once and never stored. */
  generatedPassword?: string;
  articleSlug: string;
}

export interface Seeder {
  isEmpty(db: Db): Promise<boolean>;
  seed(db: Db): Promise<SeedResult>;
}

export interface PrepareResult {
  appliedMigrations: string[];
  seeded: SeedResult | null;
}

export async function prepareDatabase(url: string, seeder?: Seeder): Promise<PrepareResult> {
  const appliedMigrations = await applyMigrations(url);
  if (!seeder) return { appliedMigrations, seeded: null };
  const client = createPrismaClient(url, 2);
  try {
    const seeded = (await seeder.isEmpty(client)) ? await seeder.seed(client) : null;
    return { appliedMigrations, seeded };
  } finally {
    await client.$disconnect();
  }
}
