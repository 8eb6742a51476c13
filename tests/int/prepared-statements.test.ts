// Raw queries marked with preparedSql (the comment post's statements, the rate-limit count) are
// prepared once per connection on a PostgreSQL server and run by name after that; the embedded
// database, whose clients all share one PGlite session, gets them unnamed.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/platform/database/embedded";
import { isEmbeddedDatabaseUrl } from "@/lib/platform/database/embedded-url";
import { preparedSql } from "@/lib/platform/database/prepared-statements";
import { createPrismaClient, db, type Db } from "@/lib/platform/db";

const nextOf = (n: number) => preparedSql(Prisma.sql`select ${n}::int + 1 as "next"`);

interface PreparedRow {
  name: string;
  statement: string;
  runs: number;
}

/** This connection's named statements that preparedSql marked, with how often each was run. */
const markedStatements = (client: Pick<Db, "$queryRaw">) =>
  client.$queryRaw<PreparedRow[]>`
    select name, statement, (generic_plans + custom_plans)::int as runs
    from pg_prepared_statements where statement like '/* prepared */%'`;

describe.runIf(inject("templateDatabaseUrl"))("on a PostgreSQL server", () => {
  it("prepares a marked query once per connection and runs it by name after", async () => {
    // One transaction: every statement on one connection.
    const prepared = await db.$transaction(async (tx) => {
      for (let n = 0; n < 3; n += 1) expect(await tx.$queryRaw(nextOf(n))).toEqual([{ next: n + 1 }]);
      expect(await tx.$queryRaw`select 1::int as "one"`).toEqual([{ one: 1 }]);
      return markedStatements(tx);
    });
    expect(prepared).toEqual([
      { name: expect.stringMatching(/^prepared_/), statement: expect.stringContaining("+ 1"), runs: 3 },
    ]);
  });
});

describe("on the embedded database", () => {
  let embedded: EmbeddedDatabase;
  let client: Db;

  beforeAll(async () => {
    embedded = await startEmbeddedDatabase({ dataDir: null });
    client = createPrismaClient(embedded.url, 4);
  }, 60_000);
  afterAll(async () => {
    await client?.$disconnect();
    await embedded?.stop();
  });

  it("is known by its connection string, in any process", () => {
    expect(isEmbeddedDatabaseUrl(embedded.url)).toBe(true);
    expect(isEmbeddedDatabaseUrl("postgresql://postgres@127.0.0.1:5432/postgres")).toBe(false);
    expect(isEmbeddedDatabaseUrl("not a url")).toBe(false);
  });

  it("runs marked queries unnamed, so its clients' shared session never holds two of one name", async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, n) => client.$queryRaw<{ next: number }[]>(nextOf(n))),
    );
    expect(results).toEqual(Array.from({ length: 40 }, (_, n) => [{ next: n + 1 }]));
    expect(await markedStatements(client)).toEqual([]);
  });
});
