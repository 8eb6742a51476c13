// Brings a database up to date before the app serves from it: migrations, then demo content
// when it is empty.
import { createPrismaClient } from "@/lib/platform/db";
import { isDatabaseEmpty, seedDemoContent, type SeedResult } from "@/lib/seed/demo-content";
import { applyMigrations } from "./migrations";

export interface PrepareResult {
  appliedMigrations: string[];
  seeded: SeedResult | null;
}

export async function prepareDatabase(
  url: string,
  options: { seed: boolean; admin?: { email?: string; password?: string } },
): Promise<PrepareResult> {
  const appliedMigrations = await applyMigrations(url);
  if (!options.seed) return { appliedMigrations, seeded: null };
  const client = createPrismaClient(url, 2);
  try {
    const seeded = (await isDatabaseEmpty(client)) ? await seedDemoContent(client, options.admin) : null;
    return { appliedMigrations, seeded };
  } finally {
    await client.$disconnect();
  }
}
