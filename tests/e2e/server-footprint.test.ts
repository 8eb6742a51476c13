// What the running server carries for good: Next takes its configuration from the build, so
// next.config.ts is not compiled again and the TypeScript compiler (SWC, a native library of
// about 25 MB with threads of its own) is never loaded into the server.
import { readFile } from "node:fs/promises";
import { describe, expect, inject, it } from "vitest";
import { appServerPids } from "../support/app-processes";

const baseUrl = inject("baseUrl");

describe("the server's footprint", () => {
  it("does not load the compiler next.config.ts would need", async () => {
    expect((await fetch(`${baseUrl}/`)).status).toBe(200);
    const pids = await appServerPids(baseUrl);
    const maps = await Promise.all(pids.map((pid) => readFile(`/proc/${pid}/maps`, "utf8")));
    expect(maps.join("\n"), "the server's own code is mapped").toContain("/node");
    expect(maps.join("\n")).not.toMatch(/next-swc/);
  });
});
