// When each cache tag was last invalidated, in this process. Next's cache handler
// (lib/platform/cache/page-cache-handler.mjs) is loaded outside the app's bundles, so the map lives on
// globalThis under a registered symbol that both sides know; every module instance sees one map.
import { randomUUID } from "node:crypto";
import { now } from "@/lib/platform/clock";

const REGISTRY = Symbol.for("crosscurrent.cache.invalidatedAt");

type Registry = Map<string, number>;

function registry(): Registry {
  const global = globalThis as { [REGISTRY]?: Registry };
  return (global[REGISTRY] ??= new Map());
}

/** Tells this instance's own notifications apart from other instances'. */
export const INSTANCE_ID = randomUUID();

/** Cache timestamps are wall-clock milliseconds: they order events, they are not business time. */
export function cacheTime(): number {
  return performance.timeOrigin + performance.now();
}

export function markInvalidated(tags: readonly string[], at: number = cacheTime()): void {
  const map = registry();
  for (const tag of tags) map.set(tag, Math.max(map.get(tag) ?? 0, at));
}

/** True when none of `tags` was invalidated after `since`, and none names a moment now past. */
export function isFresh(tags: readonly string[], since: number, at: number = now().getTime()): boolean {
  const map = registry();
  return (
    (map.get(EVERYTHING) ?? 0) < since &&
    tags.every((tag) => (map.get(tag) ?? 0) < since && !hasExpired(tag, at))
  );
}

/**
 * A tag naming the moment (business time, ms) an entry stops being true by time alone, e.g. when
 * an authorization it relies on ends. Also read by page-cache-handler.mjs: keep the form alike.
 */
export const EXPIRES_PREFIX = "expires:";

export function expiresTag(at: number): string {
  return `${EXPIRES_PREFIX}${at}`;
}

function hasExpired(tag: string, at: number): boolean {
  return tag.startsWith(EXPIRES_PREFIX) && Number(tag.slice(EXPIRES_PREFIX.length)) <= at;
}

const NEXT_EXPIRY = Symbol.for("crosscurrent.cache.nextExpiry");

/**
 * The next moment (ms) at which what readers may see changes by time alone, as last computed
 * (lib/articles/visibility-change.ts); null when nothing is due. The launcher bounds how long
 * browsers and shared caches may keep a public answer by it (lib/platform/server/cache-lifetime.ts).
 */
export function noteNextExpiry(at: number | null): void {
  (globalThis as { [NEXT_EXPIRY]?: number | null })[NEXT_EXPIRY] = at;
}

export function nextExpiry(): number | null {
  return (globalThis as { [NEXT_EXPIRY]?: number | null })[NEXT_EXPIRY] ?? null;
}

/** Matches the page cache handler's catch-all tag: every cached page and read carries it. */
export const EVERYTHING = "*";
