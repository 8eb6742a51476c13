// When each cache tag was last invalidated, in this process. Next's cache handler
// (lib/platform/cache/page-cache-handler.mjs) is loaded outside the app's bundles, so the map lives on
// globalThis under a registered symbol that both sides know; every module instance sees one map.
import { randomUUID } from "node:crypto";
import { now } from "@/lib/platform/clock";

const REGISTRY = Symbol.for("crosscurrent.cache.invalidatedAt");
const NEXT_EXPIRY = Symbol.for("crosscurrent.cache.nextExpiry");

type Registry = Map<string, number>;

function registry(): Registry {
  const global = globalThis as { [REGISTRY]?: Registry };
  return (global[REGISTRY] ??= new Map());
}

/** What changes in this process's registry, as observeRegistry reports it. */
export interface RegistryObserver {
  invalidated(tag: string, at: number): void;
  nextExpiry(at: number | null): void;
}

/**
 * Reports every change to this process's registry, whoever makes it (this module's copies in the
 * app's bundles, or the page cache handler writing the map itself): the launcher relays them to
 * its front thread (lib/platform/server/front.ts). What was noted before is reported first. Call it
 * before Next loads.
 */
export function observeRegistry(observer: RegistryObserver): void {
  const global = globalThis as { [REGISTRY]?: Registry; [NEXT_EXPIRY]?: number | null };
  class ObservedRegistry extends Map<string, number> {
    override set(tag: string, at: number): this {
      super.set(tag, at);
      observer.invalidated(tag, at);
      return this;
    }
  }
  global[REGISTRY] = new ObservedRegistry(global[REGISTRY] ?? []);
  let expiry = global[NEXT_EXPIRY] ?? null;
  Object.defineProperty(globalThis, NEXT_EXPIRY, {
    configurable: true,
    get: () => expiry,
    set: (at: number | null) => {
      if (at === expiry) return;
      expiry = at;
      observer.nextExpiry(at);
    },
  });
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
