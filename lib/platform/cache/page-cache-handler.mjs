// Next's cache for rendered pages and route responses (configured in next.config.ts), made to
// obey our invalidations. Two homes for entries:
// - Without REDIS_URL, Next's own file-system cache (memory first, then disk), with one change: an
//   entry carrying a tag invalidated after the entry's render began is a miss, so the next reader
//   waits for a fresh render instead of getting the stale copy. Invalidations are recorded by
//   lib/platform/cache/invalidate.ts (and relayed from other instances by listener.ts) in a map
//   both sides find on globalThis.
// - With REDIS_URL, the shared store every instance reads (shared-store.ts, created at start-up by
//   instrumentation.ts and found on globalThis), which keeps the invalidations beside the entries.
// Next loads this file itself, outside the app's bundles, hence plain JavaScript.
import fileSystemCache from "next/dist/server/lib/incremental-cache/file-system-cache.js";

const FileSystemCache = fileSystemCache.default ?? fileSystemCache;

const INVALIDATED_AT = Symbol.for("crosscurrent.cache.invalidatedAt");
// When the render behind each stored entry began, and when the render under way began.
const RENDERED_AT = Symbol.for("crosscurrent.cache.renderedAt");
const RENDERING_SINCE = Symbol.for("crosscurrent.cache.renderingSince");
// In shared mode: where each render under way began (shared-store.ts, RenderStart).
const SHARED_RENDERS = Symbol.for("crosscurrent.cache.sharedRenders");
const SHARED_STORE = Symbol.for("crosscurrent.cache.sharedStore");
const MAX_RENDERS_UNDER_WAY = 10_000;
// Next's header listing the tags a rendered page or route collected.
const TAGS_HEADER = "x-next-cache-tags";

function shared(symbol) {
  return (globalThis[symbol] ??= new Map());
}

function cacheTime() {
  return performance.timeOrigin + performance.now();
}

// Pages of which there is one per distinct request a reader can make up (the search pages, /search
// and /search/<key>) are kept in memory only, where least recently used ones make room: on disk
// they would pile up.
const MEMORY_ONLY_PATHS = ["/search"];

// Next's key for a rendered page: a namespace, then `/$/`, then the page's path.
function isMemoryOnly(key) {
  const marker = key.indexOf("/$/");
  const pathname = marker === -1 ? key : key.slice(marker + 2);
  return MEMORY_ONLY_PATHS.some((root) => pathname === root || pathname.startsWith(`${root}/`));
}

// A tag naming the moment (ms) the entry stops being true by time alone (registry.ts,
// `expiresTag`): the entry is a miss from then on.
const EXPIRES_PREFIX = "expires:";

function hasExpired(tag, at) {
  return tag.startsWith(EXPIRES_PREFIX) && Number(tag.slice(EXPIRES_PREFIX.length)) <= at;
}

// Invalidating it invalidates everything (e.g. after missing notifications while disconnected).
export const EVERYTHING = "*";

function entryTags(entry, ctx) {
  const tags = [EVERYTHING, ...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])];
  const value = entry?.value;
  if (Array.isArray(value?.tags)) tags.push(...value.tags);
  const header = value?.headers?.[TAGS_HEADER];
  if (typeof header === "string") tags.push(...header.split(","));
  return tags;
}

// The collector of the request under way (lib/platform/cache/request-tags.ts), if any.
const REQUEST_TAGS = Symbol.for("crosscurrent.cache.requestTags");
// Entries holding a whole rendered page or route response, as opposed to one cached read.
const WHOLE_ANSWERS = new Set(["APP_PAGE", "APP_ROUTE", "PAGES"]);

function noteRequestTags(entry, ctx) {
  const collected = globalThis[REQUEST_TAGS]?.getStore();
  if (!collected) return;
  for (const tag of entryTags(entry, ctx)) collected.tags.add(tag);
  if (WHOLE_ANSWERS.has(entry?.value?.kind)) collected.pageEntry = true;
}

// How long the shared store keeps an entry that nothing invalidates; search pages, one per query a
// reader makes up, for less.
const SHARED_TTL_MS = 24 * 60 * 60 * 1000;
const SHARED_MEMORY_ONLY_TTL_MS = 10 * 60 * 1000;

function sharedTtl(key, tags, at) {
  let ttl = isMemoryOnly(key) ? SHARED_MEMORY_ONLY_TTL_MS : SHARED_TTL_MS;
  for (const tag of tags) {
    if (tag.startsWith(EXPIRES_PREFIX)) ttl = Math.min(ttl, Number(tag.slice(EXPIRES_PREFIX.length)) - at);
  }
  return Math.floor(ttl);
}

function forgetOldestRender(renders) {
  // A render that never reaches set() (it failed) would leave its key behind.
  if (renders.size > MAX_RENDERS_UNDER_WAY) renders.delete(renders.keys().next().value);
}

export default class PageCacheHandler extends FileSystemCache {
  #shared = globalThis[SHARED_STORE] ?? null;

  async get(key, ctx) {
    if (this.#shared) return this.#getShared(key, ctx);
    const memoryOnly = isMemoryOnly(key);
    const entry = memoryOnly ? (FileSystemCache.memoryCache?.get(key) ?? null) : await super.get(key, ctx);
    // Judged by when its render began, not when it was stored: a render that read the database
    // before an invalidation must not outlive it.
    // An entry this process did not render (left on disk by an earlier run, or prerendered by the
    // build) may predate invalidations this process never heard of: render it again.
    const renderedAt = memoryOnly ? entry?.renderedAt : shared(RENDERED_AT).get(key);
    const invalidatedAt = shared(INVALIDATED_AT);
    const at = Date.now();
    const fresh =
      entry &&
      renderedAt !== undefined &&
      entryTags(entry, ctx).every(
        (tag) => (invalidatedAt.get(tag) ?? 0) < renderedAt && !hasExpired(tag, at),
      );
    if (fresh) {
      noteRequestTags(entry, ctx);
      return entry;
    }
    // A miss: Next renders now and then calls set().
    const renders = shared(RENDERING_SINCE);
    renders.set(key, cacheTime());
    forgetOldestRender(renders);
    return null;
  }

  async set(key, data, ctx) {
    if (this.#shared) return this.#setShared(key, data, ctx);
    const startedAt = shared(RENDERING_SINCE).get(key) ?? cacheTime();
    shared(RENDERING_SINCE).delete(key);
    noteRequestTags({ value: data }, ctx);
    if (isMemoryOnly(key)) {
      // As Next's own memory entries are, with the render's start kept on the entry itself, so
      // that it leaves with the entry.
      const cacheControl = ctx?.fetchCache ? undefined : ctx?.cacheControl;
      const entry = { value: data, lastModified: Date.now(), cacheControl, renderedAt: startedAt };
      FileSystemCache.memoryCache?.set(key, entry);
      return;
    }
    await super.set(key, data, ctx);
    shared(RENDERED_AT).set(key, startedAt);
  }

  /** Next's own revalidateTag/revalidatePath land here: treat them as immediate invalidations. */
  async revalidateTag(tags, durations) {
    const list = typeof tags === "string" ? [tags] : tags;
    const invalidatedAt = shared(INVALIDATED_AT);
    const at = cacheTime();
    for (const tag of list) invalidatedAt.set(tag, Math.max(invalidatedAt.get(tag) ?? 0, at));
    if (this.#shared) {
      await this.#shared.invalidate(list);
      return;
    }
    return super.revalidateTag(list, durations);
  }

  async #getShared(key, ctx) {
    const entry = await this.#shared.get(key, [...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])]);
    const at = Date.now();
    if (entry && !entryTags(entry, ctx).some((tag) => hasExpired(tag, at))) {
      noteRequestTags(entry, ctx);
      return entry;
    }
    const start = await this.#shared.renderStart();
    const renders = shared(SHARED_RENDERS);
    const earlier = renders.get(key);
    // Two renders of one key under way: the entry is as old as the earlier one's start.
    if (start && !(earlier?.epoch === start.epoch && earlier.seq <= start.seq)) renders.set(key, start);
    forgetOldestRender(renders);
    return null;
  }

  async #setShared(key, data, ctx) {
    const renders = shared(SHARED_RENDERS);
    const start = renders.get(key);
    renders.delete(key);
    noteRequestTags({ value: data }, ctx);
    // Not stored: a render begun while Redis was unreachable, or nothing to store.
    if (!start || !data) return;
    const entry = { value: data, lastModified: Date.now(), cacheControl: ctx?.cacheControl };
    const tags = entryTags(entry, ctx);
    const ttl = sharedTtl(key, tags, Date.now());
    if (ttl > 0) await this.#shared.set(key, entry, tags, start, ttl);
  }
}
