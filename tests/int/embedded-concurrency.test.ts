// The embedded database serves several clients at once (the app's pool, the job queue, the cache
// listener) through one PGlite session: their query batches must not interleave. Before the fix
// in lib/platform/database/pglite-turns.ts, two pools sending differently shaped statements at
// once failed with "bind message supplies 3 parameters, but prepared statement "" requires 2" or
// got each other's rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/platform/database/embedded";

describe("the embedded database with several clients", () => {
  let database: EmbeddedDatabase;
  let pools: pg.Pool[] = [];

  beforeAll(async () => {
    database = await startEmbeddedDatabase({ dataDir: null });
    pools = [
      new pg.Pool({ connectionString: database.url, max: 10 }),
      new pg.Pool({ connectionString: database.url, max: 10 }),
    ];
  }, 60_000);
  afterAll(async () => {
    await Promise.all(pools.map((pool) => pool.end()));
    await database?.stop();
  });

  it("keeps each client's statements, parameters and rows its own", async () => {
    const [sums, joins] = pools as [pg.Pool, pg.Pool];
    const work = Array.from({ length: 1000 }, (_, i) => [
      sums.query<{ value: number }>("select $1::int + $2::int as value", [i, 1]).then((r) => {
        expect(r.rows).toEqual([{ value: i + 1 }]);
      }),
      joins
        .query<{ value: string }>("select $1::text || $2::text || $3::text as value", ["a", i, "z"])
        .then((r) => {
          expect(r.rows).toEqual([{ value: `a${i}z` }]);
        }),
    ]).flat();
    await Promise.all(work);
  }, 60_000);

  it("keeps a transaction whole while other clients ask, and goes on after a failed statement", async () => {
    const [first, second] = pools as [pg.Pool, pg.Pool];
    await first.query("create table turns (n int primary key)");
    const client = await first.connect();
    try {
      await client.query("begin");
      await client.query("insert into turns values ($1)", [1]);
      // Asked for while the transaction is open; answered after it, never inside it.
      const outside = Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          second.query<{ n: number; seen: string }>(
            "select $1::int as n, count(*)::text as seen from turns",
            [i],
          ),
        ),
      );
      await client.query("insert into turns values ($1)", [2]);
      await client.query("commit");
      const answers = (await outside).map((r) => r.rows[0]!);
      expect(answers.map((row) => row.n)).toEqual(Array.from({ length: 20 }, (_, i) => i));
      // PGlite is one session: a transaction holds it, so the others see it whole or not at all.
      expect(new Set(answers.map((row) => row.seen))).toEqual(new Set(["2"]));
    } finally {
      client.release();
    }
    await expect(second.query("insert into turns values ($1)", [1])).rejects.toThrow(/duplicate key/);
    const { rows } = await first.query<{ count: string }>("select count(*)::text as count from turns");
    expect(rows).toEqual([{ count: "2" }]);
  }, 60_000);
});
