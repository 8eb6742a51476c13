// Which cache tags the answer to one request was built from. The launcher's memory of public
// answers (lib/platform/server/page-memory.ts) keeps an answer only as long as all of them hold,
// so every cached read notes its tags here as it is used, hit or miss (cached-read.ts), and so
// does Next's page cache handler (page-cache-handler.mjs) for the rendered page it stores or
// serves. The collector follows the request through its async work (AsyncLocalStorage); it lives
// on globalThis under a registered symbol, as the registry does, because the handler and the
// app's bundles each load their own copy of the modules.
import { AsyncLocalStorage } from "node:async_hooks";

export interface RequestTags {
  /** Every tag seen. */
  readonly tags: Set<string>;
  /**
   * Set when Next's page cache stored or served the rendered page (or route response) itself for
   * this request: its entry carries every tag the render collected. A request that waited for
   * another's render sees no such entry, and its answer is not kept.
   */
  pageEntry: boolean;
}

const STORAGE = Symbol.for("crosscurrent.cache.requestTags");

function storage(): AsyncLocalStorage<RequestTags> {
  const global = globalThis as { [STORAGE]?: AsyncLocalStorage<RequestTags> };
  return (global[STORAGE] ??= new AsyncLocalStorage<RequestTags>());
}

/** An empty collector. */
export function newRequestTags(): RequestTags {
  return { tags: new Set(), pageEntry: false };
}

/**
 * Runs `work` with `collected` (a fresh collector unless given); the collector is returned at once
 * and fills as `work` runs.
 */
export function collectRequestTags<T>(
  work: () => T,
  collected: RequestTags = newRequestTags(),
): { collected: RequestTags; result: T } {
  return { collected, result: storage().run(collected, work) };
}

/** Notes that the current request's answer depends on `tags` (nothing when no one collects). */
export function noteRequestTags(tags: readonly string[]): void {
  const collected = storage().getStore();
  if (collected) for (const tag of tags) collected.tags.add(tag);
}
