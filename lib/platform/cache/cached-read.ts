// Reads that many readers share (search results, feeds, API pages, the withdrawn-slug check),
// kept in this process until one of their tags is invalidated. Concurrent misses for one key
// share a single load. Each cache is bounded by entry count, least recently used first out.
import { now } from "@/lib/platform/clock";
import { cacheTime, expiresTag, isFresh } from "./registry";
import { noteRequestTags } from "./request-tags";

interface Entry {
  value: Promise<unknown>;
  since: number;
  tags: readonly string[];
  /** Set once the value is known, when the value itself says when it stops being true. */
  expiresAt?: number | null;
}

export interface ReadCache {
  /** `expiresAt`, if given, reads from the loaded value when it stops being true (ms). */
  read<T>(
    key: string,
    tags: readonly string[],
    load: () => Promise<T>,
    expiresAt?: (value: T) => number | null,
  ): Promise<T>;
  clear(): void;
}

export function createReadCache(name: string, maxEntries: number): ReadCache {
  // On globalThis: the proxy and route bundles each have their own module instances.
  const global = globalThis as { [key: symbol]: Map<string, Entry> | undefined };
  const symbol = Symbol.for(`crosscurrent.cache.read.${name}`);
  const entries = (global[symbol] ??= new Map<string, Entry>());

  return {
    read<T>(
      key: string,
      tags: readonly string[],
      load: () => Promise<T>,
      expiresAt?: (value: T) => number | null,
    ): Promise<T> {
      noteRequestTags(tags);
      const hit = entries.get(key);
      entries.delete(key);
      const at = now().getTime();
      const expired = hit?.expiresAt != null && hit.expiresAt <= at;
      if (hit && !expired && isFresh(hit.tags, hit.since, at)) {
        entries.set(key, hit); // most recently used goes last
        noteRequestTags(hit.expiresAt == null ? hit.tags : [...hit.tags, expiresTag(hit.expiresAt)]);
        return hit.value as Promise<T>;
      }
      const since = cacheTime(); // before the load starts, so a concurrent invalidation wins
      const entry: Entry = { value: load(), since, tags };
      entries.set(key, entry);
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      if (expiresAt)
        void entry.value.then(
          (value) => (entry.expiresAt = expiresAt(value as T)),
          () => {},
        );
      entry.value.catch(() => {
        if (entries.get(key) === entry) entries.delete(key); // failures are not remembered
      });
      return entry.value as Promise<T>;
    },
    clear: () => entries.clear(),
  };
}
