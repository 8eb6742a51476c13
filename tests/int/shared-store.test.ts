// The shared page cache's store (lib/platform/cache/shared-store.ts) on a real Redis of the test's
// own: entries every instance reads, stale as soon as one of their tags is invalidated after
// their render began, never stored from an older Redis lifetime, and nothing stale after an outage.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { invalidate } from "@/lib/platform/cache/invalidate";
import { listenForInvalidations } from "@/lib/platform/cache/listener";
import { createSharedStore, type SharedStore } from "@/lib/platform/cache/shared-store";
import { db } from "@/lib/platform/db";
import { startPrivateRedis, type PrivateRedis } from "../support/private-redis";

let redis: PrivateRedis;
const stores: SharedStore[] = [];

async function newStore(
  prefix = `test-${randomBytes(4).toString("hex")}:`,
  url = redis.url,
): Promise<SharedStore> {
  const store = await createSharedStore(url, prefix);
  stores.push(store);
  return store;
}

async function until<T>(
  probe: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const upStore = async (store: SharedStore) => {
  expect(
    await until(
      () => store.check(),
      (state) => state === "up",
    ),
  ).toBe("up");
  return store;
};

const PAGE = {
  value: {
    kind: "APP_PAGE",
    html: "<p>hello</p>",
    rscData: Buffer.from("rsc"),
    segmentData: new Map([["/a", Buffer.from("s")]]),
  },
  lastModified: 1,
};
const HOUR = 60 * 60 * 1000;

beforeAll(async () => {
  redis = await startPrivateRedis();
});
afterAll(async () => {
  await Promise.all(stores.map((store) => store.close()));
  await redis?.destroy();
});

describe("the shared page cache", () => {
  it("gives another instance the entry one stored, with its buffers and maps", async () => {
    const prefix = `test-${randomBytes(4).toString("hex")}:`;
    const a = await upStore(await newStore(prefix));
    const b = await upStore(await newStore(prefix));
    const start = (await a.renderStart())!;
    await a.set("/articles/x", PAGE, ["*", "article:1"], start, HOUR);
    expect(await b.get("/articles/x", [])).toEqual(PAGE);
    expect(await b.get("/articles/y", [])).toBeNull();
  });

  it("keeps stores with other prefixes apart", async () => {
    const a = await upStore(await newStore());
    const other = await upStore(await newStore());
    await a.set("/", PAGE, ["*"], (await a.renderStart())!, HOUR);
    expect(await other.get("/", [])).toBeNull();
  });

  it("misses once a tag of the entry, or one the reader adds, is invalidated; a later render is kept", async () => {
    const prefix = `test-${randomBytes(4).toString("hex")}:`;
    const a = await upStore(await newStore(prefix));
    const b = await upStore(await newStore(prefix));
    await a.set("/", PAGE, ["*", "article:1", "home"], (await a.renderStart())!, HOUR);
    await b.invalidate(["article:2"]);
    expect(await a.get("/", [])).toEqual(PAGE);
    expect(await a.get("/", ["_N_T_/layout"])).toEqual(PAGE);

    await b.invalidate(["article:1"]);
    expect(await a.get("/", [])).toBeNull();

    await a.set("/", PAGE, ["*", "article:1", "home"], (await a.renderStart())!, HOUR);
    expect(await a.get("/", [])).toEqual(PAGE);
    await b.invalidate(["_N_T_/layout"]);
    expect(await a.get("/", ["_N_T_/layout"])).toBeNull();
    expect(await a.get("/", [])).toEqual(PAGE);
  });

  it("never keeps a render that an invalidation overtook", async () => {
    const prefix = `test-${randomBytes(4).toString("hex")}:`;
    const a = await upStore(await newStore(prefix));
    const b = await upStore(await newStore(prefix));
    const start = (await a.renderStart())!;
    await b.invalidate(["article:1"]);
    await a.set("/articles/x", PAGE, ["*", "article:1"], start, HOUR);
    expect(await a.get("/articles/x", [])).toBeNull();
  });

  it("invalidating everything makes every entry a miss", async () => {
    const a = await upStore(await newStore());
    await a.set("/tags/x", PAGE, ["*", "tag:x"], (await a.renderStart())!, HOUR);
    await a.invalidate(["*"]);
    expect(await a.get("/tags/x", [])).toBeNull();
  });

  it("lets an entry go when its time is up", async () => {
    const a = await upStore(await newStore());
    await a.set("/feed.xml", PAGE, ["*"], (await a.renderStart())!, 100);
    expect(await a.get("/feed.xml", [])).toEqual(PAGE);
    expect(
      await until(
        () => a.get("/feed.xml", []),
        (entry) => entry === null,
      ),
    ).toBeNull();
  });

  it("answers at once, and stores nothing, while Redis cannot be reached", async () => {
    const closed = await newStore("test:", "redis://127.0.0.1:1");
    const started = Date.now();
    expect(await closed.check()).toBe("down");
    expect(await closed.renderStart()).toBeNull();
    expect(await closed.get("/", [])).toBeNull();
    expect(await closed.invalidate(["article:1"])).toBe(false);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("serves nothing stale after Redis comes back with the entries it had, and refuses renders begun before a restart", async () => {
    const prefix = `test-${randomBytes(4).toString("hex")}:`;
    const a = await upStore(await newStore(prefix));
    await a.set("/articles/x", PAGE, ["*", "article:1"], (await a.renderStart())!, HOUR);
    const beforeOutage = (await a.renderStart())!;

    await redis.kill();
    expect(
      await until(
        () => a.check(),
        (state) => state === "down",
      ),
    ).toBe("down");
    // The edit's invalidation cannot be recorded while Redis is away.
    expect(await a.invalidate(["article:1"])).toBe(false);
    expect(await a.get("/articles/x", [])).toBeNull();

    await redis.start();
    await upStore(a);
    // Redis kept the entry (append-only file), but it missed an invalidation: everything was
    // invalidated on reconnecting.
    expect(await a.get("/articles/x", [])).toBeNull();

    // A render from before the outage is from the same Redis lifetime here; a Redis that lost its
    // data starts another, and the old render is not stored.
    await redis.kill();
    await redis.destroy();
    redis = await startPrivateRedis();
    const fresh = await upStore(await newStore(prefix));
    await fresh.set("/articles/y", PAGE, ["*"], beforeOutage, HOUR);
    expect(await fresh.get("/articles/y", [])).toBeNull();
    await fresh.set("/articles/y", PAGE, ["*"], (await fresh.renderStart())!, HOUR);
    expect(await fresh.get("/articles/y", [])).toEqual(PAGE);
  });
});

describe("invalidations and the shared page cache", () => {
  let store: SharedStore;
  let stopListening: (() => Promise<void>) | undefined;
  const installed = Symbol.for("crosscurrent.cache.sharedStore");
  const announce = (tags: string[], unsharedTags?: true) =>
    db.$executeRaw`SELECT pg_notify('cache_invalidation', ${JSON.stringify({ from: "another-instance", tags, unsharedTags })})`;

  beforeAll(async () => {
    store = await upStore(await newStore());
    (globalThis as { [installed]?: SharedStore })[installed] = store;
  });
  afterAll(async () => {
    await stopListening?.();
    delete (globalThis as { [installed]?: SharedStore })[installed];
  });

  it("records this instance's invalidations in the shared cache", async () => {
    await store.set("/tags/a", PAGE, ["*", "tag:a"], (await store.renderStart())!, HOUR);
    await invalidate(["tag:a"]);
    expect(await store.get("/tags/a", [])).toBeNull();
  });

  // Instances hear each other over a PostgreSQL server's NOTIFY; the embedded database serves one.
  it.runIf(inject("templateDatabaseUrl"))(
    "records there what another instance announces it could not, and only that",
    async () => {
      stopListening = listenForInvalidations(process.env.DATABASE_URL!);
      for (const name of ["relayed", "announced"]) {
        await store.set(`/tags/${name}`, PAGE, ["*", `tag:${name}`], (await store.renderStart())!, HOUR);
      }
      // Each round, one announced by an instance that recorded it itself (nothing more to do here),
      // then one it could not record.
      const relayed = await until(
        async () => {
          await announce(["tag:announced"]);
          await announce(["tag:relayed"], true);
          return store.get("/tags/relayed", []);
        },
        (entry) => entry === null,
      );
      expect(relayed).toBeNull();
      expect(await store.get("/tags/announced", [])).toEqual(PAGE);
    },
  );
});
