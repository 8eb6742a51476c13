// The README's first command on a machine with nothing but Node: no DATABASE_URL, so the app
// starts its embedded PostgreSQL, migrates, seeds and serves the demo reprint.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_LIBRARY_PIECES } from "@/lib/seed/demo-library-data";
import { startAppServer, type AppServer } from "../support/app-server";

describe("npm start without DATABASE_URL", () => {
  let server: AppServer;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "crosscurrent-embedded-"));
    server = await startAppServer({
      DATABASE_URL: undefined,
      TEST_DATABASE_URL: undefined,
      DATA_DIR: dataDir,
      AUTH_SECRET: undefined,
      NODE_ENV: undefined,
    });
  });
  afterAll(async () => {
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("serves the seeded reprint and the demo library from the embedded database", async () => {
    const home = await (await fetch(server.baseUrl)).text();
    const slugs = new Set([...home.matchAll(/href="\/articles\/([^"#]+)"/g)].map((match) => match[1]!));
    // The seed reprint and every piece of the demo library, on the front page.
    expect(slugs.size).toBe(1 + DEMO_LIBRARY_PIECES.length);
    const slug = "today-there-is-a-special-background-for-high-level-calls-between-china-and-japan";
    expect(slugs).toContain(slug);
    const response = await fetch(`${server.baseUrl}/articles/${slug}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(
      "Today, there is a special background for high-level calls between China and Japan!",
    );
    expect(html).toContain("Tiger knife");
    expect(html).toContain("Bu Yidao");
  });

  it("searches in Chinese there too, after the pg_trgm migration ran on the embedded database", async () => {
    const piece = DEMO_LIBRARY_PIECES.find((p) => p.key === "manila-coast-guard")!;
    // Three characters and two: the trigram indexes, and reading the texts.
    for (const q of ["马尼拉", "海警"]) {
      const response = await fetch(`${server.baseUrl}/search?q=${encodeURIComponent(q)}`);
      expect(response.status, q).toBe(200);
      const html = await response.text();
      expect(html, q).toContain(piece.title.replace("'", "&#x27;"));
      expect(html, q).toContain("Matched in the original");
    }
  });

  it("prints the generated admin password once and reports the embedded database", () => {
    expect(server.output()).toMatch(/Database: embedded/);
    expect(server.output()).toMatch(/Admin password \(shown once, not stored\): \S{20}/);
  });

  it("answers /api/health with the database up and the migration count", async () => {
    const health = await (await fetch(`${server.baseUrl}/api/health`)).json();
    expect(health).toMatchObject({ status: "ok", database: "up", cache: { shared: "none" } });
    expect(health.migrations).toBeGreaterThanOrEqual(1);
  });
});
