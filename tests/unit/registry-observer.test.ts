// The launcher's front thread hears of every change to the main thread's cache registry
// (lib/platform/cache/registry.ts, observeRegistry), whoever makes it: this module, or Next's page
// cache handler writing the shared map itself (lib/platform/cache/page-cache-handler.mjs).
import { describe, expect, it } from "vitest";
import {
  isFresh,
  markInvalidated,
  nextExpiry,
  noteNextExpiry,
  observeRegistry,
} from "@/lib/platform/cache/registry";

describe("observeRegistry", () => {
  it("reports invalidations made through the module and through the shared map, and the next expiry", () => {
    markInvalidated(["before"], 100);
    const invalidated: [string, number][] = [];
    const expiries: (number | null)[] = [];
    observeRegistry({
      invalidated: (tag, at) => invalidated.push([tag, at]),
      nextExpiry: (at) => expiries.push(at),
    });

    // What was noted before observing stays noted here.
    expect(isFresh(["before"], 50)).toBe(false);
    expect(isFresh(["before"], 150)).toBe(true);

    markInvalidated(["article:1", "articles"], 200);
    // As the page cache handler writes it, by its registered symbol.
    const shared = (globalThis as Record<symbol, Map<string, number>>)[
      Symbol.for("crosscurrent.cache.invalidatedAt")
    ]!;
    shared.set("tag:7", 300);
    expect(invalidated).toEqual([
      ["before", 100], // what was noted before, so the observer starts out knowing it
      ["article:1", 200],
      ["articles", 200],
      ["tag:7", 300],
    ]);
    expect(isFresh(["tag:7"], 250)).toBe(false);

    noteNextExpiry(5_000);
    noteNextExpiry(5_000); // unchanged: nothing to tell
    noteNextExpiry(null);
    expect(expiries).toEqual([5_000, null]);
    noteNextExpiry(7_000);
    expect(nextExpiry()).toBe(7_000);
  });
});
