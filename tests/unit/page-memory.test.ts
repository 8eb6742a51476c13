import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { cacheTime, markInvalidated } from "@/lib/platform/cache/registry";
import { createPageMemory, type Entry } from "@/lib/platform/server/page-memory";

let run = 0;

function entry(text: string, tags: string[]): Entry {
  const body = Buffer.from(text);
  const variant = { body, etag: `"${text}"`, headers: {}, notModified: {} };
  return {
    since: cacheTime(),
    tags,
    expiresAt: Number.POSITIVE_INFINITY,
    cacheControl: "public, max-age=0",
    bytes: body.length,
    variants: { identity: variant, gzip: variant, br: variant },
  };
}

/** What the memory answers for `url`, or null when it leaves the request to Next. */
function answered(memory: ReturnType<typeof createPageMemory>, url: string): string | null {
  const request = { url, method: "GET", headers: {} } as IncomingMessage;
  let body: string | null = null;
  const response = {
    setHeader: () => response,
    writeHead: () => response,
    end: (chunk?: Uint8Array) => {
      body = chunk ? Buffer.from(chunk).toString() : "";
      return response;
    },
  } as unknown as ServerResponse;
  return memory.answer(request, response) ? body : null;
}

describe("the launcher's memory of public answers", () => {
  it("keeps the first live answer to an address when a second fill of it arrives", () => {
    const memory = createPageMemory({ maxBytes: 1024 * 1024 });
    const tag = `page-memory-test-${run++}`;
    memory.store("/", entry("first render", [tag]));
    memory.store("/", entry("second render", [tag]));
    expect(answered(memory, "/")).toBe("first render");
    expect(memory.size.entries).toBe(1);
  });

  it("takes a new fill once the kept answer is out of date", () => {
    const memory = createPageMemory({ maxBytes: 1024 * 1024 });
    const tag = `page-memory-test-${run++}`;
    memory.store("/", entry("before the edit", [tag]));
    markInvalidated([tag], cacheTime() + 1);
    expect(answered(memory, "/")).toBeNull();
    memory.store("/", { ...entry("after the edit", [tag]), since: cacheTime() + 2 });
    expect(answered(memory, "/")).toBe("after the edit");
  });
});
