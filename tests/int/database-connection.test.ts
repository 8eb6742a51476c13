// The app's connections to PostgreSQL (lib/platform/db.ts) run without JIT compilation, and keep
// the server options their URL gives.
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient, db } from "@/lib/platform/db";
import { env } from "@/lib/platform/env";

const show = async (client: typeof db, setting: "jit" | "statement_timeout") =>
  (await client.$queryRawUnsafe<Array<Record<string, string>>>(`SHOW ${setting}`))[0]![setting];

describe("the app's database connections", () => {
  const url = new URL(env.DATABASE_URL!);
  url.searchParams.set("options", "-c statement_timeout=4321");
  const withOptions = createPrismaClient(url.toString(), 1);
  afterAll(() => withOptions.$disconnect());

  it("run without JIT", async () => {
    expect(await show(db, "jit")).toBe("off");
  });

  it("keep the options of their URL beside it", async () => {
    expect(await show(withOptions, "statement_timeout")).toBe("4321ms");
    expect(await show(withOptions, "jit")).toBe("off");
  });
});
