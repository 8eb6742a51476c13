// The shared page cache (REDIS_URL): rendered pages and route answers kept in Redis, where every
// instance finds them, beside the invalidations that make them stale. Next's cache handler
// (page-cache-handler.mjs) reads and fills it; invalidate.ts records invalidations in it.
//
// Staleness needs no clock shared between machines. Every invalidation takes the next number of
// one counter and stamps it on each tag it names; a render notes the counter when it begins. An
// entry is fresh while none of its tags carries a number above its render's: a tag stamped later
// was invalidated after the render began to read. A Redis that restarted empty starts a new epoch,
// and a render begun in an older epoch is not stored.
//
// Redis unreachable: every read is a miss and nothing is stored, so pages render from PostgreSQL
// (slower, never wrong); /api/health says "degraded". An invalidation this instance could not
// record is recorded by another instance that hears of it (listener.ts), and on reconnecting this
// instance invalidates everything, since Redis may hold pages that missed invalidations meanwhile.
import { randomUUID } from "node:crypto";
import { deserialize, serialize } from "node:v8";
import { env } from "@/lib/platform/env";
import { EVERYTHING } from "./registry";

/** Where a render stood when it began: the invalidation counter and the Redis's epoch. */
export interface RenderStart {
  seq: number;
  epoch: string;
}

export interface SharedStore {
  /** "up" when Redis answers (asking it now), "down" when this instance cannot reach it. */
  check(): Promise<"up" | "down">;
  /** Call before rendering; null when Redis is unreachable (the render is then not stored). */
  renderStart(): Promise<RenderStart | null>;
  /** The entry under `key`, unless it is missing or one of its tags (or `tags`) was invalidated since it was rendered. */
  get(key: string, tags: readonly string[]): Promise<unknown>;
  /** Stores `value` for `ttlMs`, unless Redis restarted since `start`. */
  set(key: string, value: unknown, tags: readonly string[], start: RenderStart, ttlMs: number): Promise<void>;
  /** Stamps `tags` as invalidated now; false when Redis could not be reached. */
  invalidate(tags: readonly string[]): Promise<boolean>;
  close(): Promise<void>;
}

// A command slower than this counts as Redis being unavailable: the page renders instead.
const COMMAND_TIMEOUT_MS = 500;
const KEYS = { seq: "seq", tags: "tags", epoch: "epoch", entry: (key: string) => `page:${key}` };

// Fresh entry or nothing. KEYS: entry, tag stamps. ARGV: tags the caller adds.
const GET_FRESH = `
local entry = redis.call('HMGET', KEYS[1], 'data', 'seq', 'tags')
if not entry[1] then return false end
local tags = {}
for tag in string.gmatch(entry[3], '[^\\n]+') do tags[#tags + 1] = tag end
for i = 1, #ARGV do tags[#tags + 1] = ARGV[i] end
if #tags == 0 then return entry[1] end
local renderedSeq = tonumber(entry[2])
local stamps = redis.call('HMGET', KEYS[2], unpack(tags))
for i = 1, #stamps do
  if stamps[i] and tonumber(stamps[i]) > renderedSeq then return false end
end
return entry[1]`;

// KEYS: counter, epoch. ARGV: an epoch to start if Redis has none (it restarted empty).
const RENDER_START = `
redis.call('SET', KEYS[2], ARGV[1], 'NX')
return { redis.call('GET', KEYS[1]) or '0', redis.call('GET', KEYS[2]) }`;

// KEYS: entry, epoch. ARGV: the render's epoch, data, counter at render start, tags, ttl (ms).
const SET_ENTRY = `
if redis.call('GET', KEYS[2]) ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'data', ARGV[2], 'seq', ARGV[3], 'tags', ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return 1`;

// KEYS: counter, tag stamps. ARGV: tags.
const INVALIDATE = `
local seq = redis.call('INCR', KEYS[1])
for i = 1, #ARGV do redis.call('HSET', KEYS[2], ARGV[i], seq) end
return seq`;

export async function createSharedStore(url: string, keyPrefix: string): Promise<SharedStore> {
  // Loaded only when configured: the client takes a noticeable part of a second to load.
  const { createClient, RESP_TYPES } = await import("@redis/client");
  const client = createClient({
    url,
    keyPrefix,
    disableOfflineQueue: true,
    commandOptions: { timeout: COMMAND_TIMEOUT_MS },
    socket: {
      connectTimeout: 2_000,
      reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 5_000),
    },
  });
  const binary = client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
  // Set from the first failure until Redis answers again; then, before anything is read, every
  // entry is invalidated: Redis may hold entries that missed invalidations meanwhile.
  let down = false;

  const log = (event: string, detail: Record<string, unknown> = {}) =>
    console.error(JSON.stringify({ event, ...detail }));
  const unavailable = (error: unknown) => {
    if (down) return;
    down = true;
    log("cache.shared.down", { message: (error as Error).message });
  };
  const recover = async () => {
    await client.eval(INVALIDATE, { keys: [KEYS.seq, KEYS.tags], arguments: [EVERYTHING] });
    down = false;
    log("cache.shared.up");
  };

  client.on("error", unavailable);
  client.on("reconnecting", () => unavailable(new Error("reconnecting")));
  client.connect().catch(unavailable);

  async function attempt<T>(work: () => Promise<T>, fallback: T): Promise<T> {
    if (!client.isReady) {
      unavailable(new Error("not connected"));
      return fallback;
    }
    try {
      if (down) await recover();
      return await work();
    } catch (error) {
      unavailable(error);
      return fallback;
    }
  }

  const store: SharedStore = {
    check: () => attempt(async () => ((await client.ping()) === "PONG" ? "up" : "down"), "down"),

    renderStart: () =>
      attempt(async () => {
        const [seq, epoch] = (await client.eval(RENDER_START, {
          keys: [KEYS.seq, KEYS.epoch],
          arguments: [randomUUID()],
        })) as [string, string];
        return { seq: Number(seq), epoch };
      }, null),

    get: (key, tags) =>
      attempt(async () => {
        const data = (await binary.eval(GET_FRESH, {
          keys: [KEYS.entry(key), KEYS.tags],
          arguments: [...tags],
        })) as Buffer | null;
        return data ? deserialize(data) : null;
      }, null),

    set: (key, value, tags, start, ttlMs) =>
      attempt(async () => {
        await client.eval(SET_ENTRY, {
          keys: [KEYS.entry(key), KEYS.epoch],
          arguments: [start.epoch, serialize(value), String(start.seq), tags.join("\n"), String(ttlMs)],
        });
      }, undefined),

    invalidate: async (tags) => {
      if (tags.length === 0) return true;
      return attempt(async () => {
        await client.eval(INVALIDATE, { keys: [KEYS.seq, KEYS.tags], arguments: [...tags] });
        return true;
      }, false);
    },

    close: async () => {
      client.removeAllListeners();
      client.on("error", () => {});
      if (client.isOpen) client.destroy();
    },
  };
  return store;
}

const STORE = Symbol.for("crosscurrent.cache.sharedStore");
type WithStore = { [STORE]?: SharedStore };

/** Connects the shared store when REDIS_URL is set (instrumentation.ts, at start-up). */
export async function startSharedStore(): Promise<void> {
  const global = globalThis as WithStore;
  if (env.REDIS_URL && !global[STORE])
    global[STORE] = await createSharedStore(env.REDIS_URL, env.REDIS_KEY_PREFIX);
}

/**
 * The shared store once started, else null (REDIS_URL unset: each instance caches in its own
 * memory and disk). One per process, on globalThis, where Next's cache handler finds it too.
 */
export function sharedStore(): SharedStore | null {
  return (globalThis as WithStore)[STORE] ?? null;
}
