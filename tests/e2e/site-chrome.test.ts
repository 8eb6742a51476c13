// What every public page shares: a header that fits a phone, a favicon and a web manifest.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "../support/browser";

const baseUrl = inject("baseUrl");

describe("the public site's frame", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const width of [320, 390]) {
    it(`fits the home page's header into ${width} px, search box included`, async () => {
      const page = await (await browser.newContext({ viewport: { width, height: 800 } })).newPage();
      await page.goto(baseUrl);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      const search = (await page.getByRole("searchbox", { name: "Search the site" }).boundingBox())!;
      expect(search.x).toBeGreaterThanOrEqual(0);
      expect(search.x + search.width).toBeLessThanOrEqual(width);
      await page.context().close();
    });
  }

  it("names a favicon and a web manifest on every page, and serves both", async () => {
    const html = await (await fetch(baseUrl)).text();
    const icon = /<link rel="icon" href="([^"]+)"/.exec(html)?.[1];
    const manifest = /<link rel="manifest" href="([^"]+)"/.exec(html)?.[1];
    expect(icon).toMatch(/^\/icon\.svg/);
    expect(manifest).toBe("/manifest.webmanifest");
    const iconResponse = await fetch(new URL(icon!, baseUrl));
    expect(iconResponse.status).toBe(200);
    expect(iconResponse.headers.get("content-type")).toContain("image/svg+xml");
    const body = (await (await fetch(new URL(manifest!, baseUrl))).json()) as {
      name: string;
      icons: unknown[];
    };
    expect(body.name).toBe("Crosscurrent");
    expect(body.icons.length).toBeGreaterThan(0);
  });
});
