// When each cache tag was last invalidated, in this process. Next's cache handler
// (lib/platform/cache/page-cache-handler.mjs) is loaded outside the app's bundles, so the map lives on
// globalThis under a registered symbol that both sides know; every module instance sees one map.
import { randomUUID } from "node:crypto";

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

/** True when none of `tags` was invalidated after `since`. */
export function isFresh(tags: readonly string[], since: number): boolean {
  const map = registry();
  return (map.get(EVERYTHING) ?? 0) < since && tags.every((tag) => (map.get(tag) ?? 0) < since);
}

/** Matches the page cache handler's catch-all tag: every cached page and read carries it. */
export const EVERYTHING = "*";
