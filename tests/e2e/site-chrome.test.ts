// What every public page shares: a header that fits a phone, a favicon and a web manifest, feed
// autodiscovery, dates in the reader's time zone, and the frame on the not-found page too.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "../support/browser";

const baseUrl = inject("baseUrl");
const SEED_PATH =
  "/articles/today-there-is-a-special-background-for-high-level-calls-between-china-and-japan";

/** The seed article's archive pages, as its own page links them. */
async function seedArchives(): Promise<{ tag: string; source: string; author: string }> {
  const html = await (await fetch(`${baseUrl}${SEED_PATH}`)).text();
  const first = (prefix: string) => new RegExp(`href="(/${prefix}/[^"?#]+)"`).exec(html)![1]!;
  return { tag: first("tags"), source: first("sources"), author: first("authors") };
}

async function publicPages(): Promise<string[]> {
  const { tag, source, author } = await seedArchives();
  return ["/", SEED_PATH, tag, source, author, "/search", "/search?q=Taiwan", "/no-such-page"];
}

/** The paths of the RSS feeds a page's head links (Next writes them as absolute URLs). */
function feedLinks(html: string): string[] {
  return [...html.matchAll(/<link rel="alternate" type="application\/rss\+xml"[^>]*href="([^"]+)"/g)].map(
    (m) => new URL(m[1]!.replaceAll("&amp;", "&")).pathname,
  );
}

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

  it("links the site feed from the head of every public page, and archives their own feed too", async () => {
    for (const path of await publicPages()) {
      const html = await (await fetch(`${baseUrl}${path}`)).text();
      expect(feedLinks(html), path).toContain("/feed.xml");
    }
    const { tag, source } = await seedArchives();
    for (const [path, feed] of [
      [tag, tag.replace("/tags/", "/feeds/tags/")],
      [source, source.replace("/sources/", "/feeds/sources/")],
    ] as const) {
      const html = await (await fetch(`${baseUrl}${path}`)).text();
      expect(feedLinks(html), path).toContain(feed);
      expect(html, path).toMatch(new RegExp(`<a [^>]*href="${feed}"`));
      const response = await fetch(`${baseUrl}${feed}`);
      expect(response.status, feed).toBe(200);
      expect(response.headers.get("content-type")).toContain("xml");
    }
  });

  // Without scripts, so the notice must be in the HTML itself, not painted by the client.
  it("answers an unknown address 404 inside the site's frame: header, search and footer", async () => {
    const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    for (const path of [
      "/no-such-page",
      "/articles/no-such-article",
      "/tags/no-such-tag",
      "/sources/no-such-source",
      "/authors/no-such-person",
    ]) {
      const response = await page.goto(`${baseUrl}${path}`);
      expect(response?.status(), path).toBe(404);
      expect(await page.getByRole("heading", { name: "Page not found" }).count(), path).toBe(1);
      expect(await page.getByRole("searchbox", { name: "Search the site" }).count(), path).toBe(1);
      expect(await page.locator("header.site-header").count(), path).toBe(1);
      expect(await page.locator("footer.site-footer").count(), path).toBe(1);
    }
    await page.context().close();
  });

  it("gives articles an og:image: a card with the title that answers as an image", async () => {
    const html = await (await fetch(`${baseUrl}${SEED_PATH}`)).text();
    const image = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1];
    expect(image).toBeDefined();
    expect(html).toContain('<meta property="og:image:width"');
    const response = await fetch(new URL(new URL(image!).pathname, baseUrl));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^image\//);
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    expect((await fetch(`${baseUrl}/articles/no-such-article/og-image`)).status).toBe(404);
  });

  it("shows dates in the reader's time zone, keeping the UTC instant in datetime", async () => {
    // Fourteen hours ahead and eleven behind: at any hour one of them is on another day than UTC.
    for (const timezoneId of ["Pacific/Kiritimati", "Pacific/Pago_Pago"]) {
      const context = await browser.newContext({ timezoneId });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(message.text());
      });
      await page.goto(`${baseUrl}${SEED_PATH}`);
      const time = page.locator("article time").first();
      const instant = (await time.getAttribute("datetime"))!;
      expect(instant).toMatch(/^\d{4}-\d{2}-\d{2}T.*Z$/);
      const local = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: timezoneId }).format(
        new Date(instant),
      );
      await expect.poll(() => time.textContent(), { timeout: 2000 }).toBe(local);
      expect(
        errors.filter((e) => /hydrat/i.test(e)),
        timezoneId,
      ).toEqual([]);
      await context.close();
    }
  });

  for (const width of [320, 390, 1440]) {
    it(`lays every public page out within ${width} px`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      for (const path of await publicPages()) {
        await page.goto(`${baseUrl}${path}`);
        const { scrollWidth, innerWidth } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
        }));
        expect(scrollWidth, `${path} at ${width} px`).toBeLessThanOrEqual(innerWidth);
      }
      await context.close();
    });
  }
});
