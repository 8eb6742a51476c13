// A reader searches for the seed reprint and opens it; feed readers and crawlers get well-formed
// RSS, a sitemap and robots rules.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_LIBRARY_PIECES } from "@/lib/seed/demo-library-data";
import { launchBrowser } from "../support/browser";

const SEED_TITLE = "Today, there is a special background for high-level calls between China and Japan!";
const CONTENT_NS = "http://purl.org/rss/1.0/modules/content/";
const DC_NS = "http://purl.org/dc/elements/1.1/";

interface XmlNode {
  name: string;
  ns: string | null;
  attrs: Record<string, string>;
  text: string;
  children: XmlNode[];
}

const all = (node: XmlNode, name: string, ns?: string): XmlNode[] => [
  ...(node.name === name && (ns === undefined || node.ns === ns) ? [node] : []),
  ...node.children.flatMap((c) => all(c, name, ns)),
];
const itemTitles = (rss: XmlNode) => all(rss, "item").map((item) => all(item, "title")[0]!.text);

describe("search and feeds", () => {
  let browser: Browser;
  let page: Page;
  const base = () => inject("baseUrl");

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Parses XML with the browser's strict parser into a plain tree; null when it is not well-formed. */
  async function parseXml(xml: string): Promise<XmlNode | null> {
    await page.goto("about:blank");
    return page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, "application/xml");
      if (doc.getElementsByTagName("parsererror").length) return null;
      const walk = (element: Element): XmlNode => ({
        name: element.localName,
        ns: element.namespaceURI,
        attrs: Object.fromEntries([...element.attributes].map((a) => [a.name, a.value])),
        text: element.textContent ?? "",
        children: [...element.children].map(walk),
      });
      return walk(doc.documentElement);
    }, xml);
  }

  it("finds the seed reprint for Kishida and opens it from the result", async () => {
    await page.goto(`${base()}/search`);
    await page.getByLabel("Search articles").fill("Kishida");
    await page.getByLabel("Search articles").press("Enter");
    await page.waitForURL(/\/search\?q=Kishida/);
    const marks = await page.getByTestId("search-result").first().locator("mark").allTextContents();
    expect(marks).toContain("Kishida");
    await page.getByRole("link", { name: SEED_TITLE }).click();
    await page.waitForURL(/\/articles\//);
    expect(await page.locator("h1").textContent()).toBe(SEED_TITLE);
  });

  it.each(["Diaoyu", '"Taiwan Strait"', "Kishida OR Merkel", "Japan -Merkel"])(
    "finds it for %s",
    async (q) => {
      const response = await page.goto(`${base()}/search?q=${encodeURIComponent(q)}`);
      expect(response?.status()).toBe(200);
      expect(await page.getByRole("link", { name: SEED_TITLE }).count()).toBe(1);
    },
  );

  it("says each sentence of a snippet once, and keeps the query in the header's search box", async () => {
    await page.goto(`${base()}/search?q=Taiwan`);
    const snippet = (await page.getByTestId("search-result").first().locator("p").last().textContent())!;
    const sentences = snippet
      .split(/(?<=[.!?…])\s+/)
      .map((s) => s.trim())
      .filter((s) => s.length > 20);
    expect(sentences.length).toBeGreaterThan(0);
    expect(new Set(sentences).size).toBe(sentences.length);
    const header = page.getByRole("searchbox", { name: "Search the site" });
    await expect.poll(() => header.inputValue(), { timeout: 2000 }).toBe("Taiwan");
    // Elsewhere it starts empty.
    await page.goto(`${base()}/`);
    expect(await page.getByRole("searchbox", { name: "Search the site" }).inputValue()).toBe("");
  });

  it("finds a Chinese term that only the demo piece's kept original has, and says the original matched", async () => {
    const piece = DEMO_LIBRARY_PIECES.find((p) => p.key === "manila-coast-guard")!;
    expect(JSON.stringify(piece.original?.body)).toContain("海警");
    expect(JSON.stringify(piece.body)).not.toContain("海警");
    const response = await page.goto(`${base()}/search?q=${encodeURIComponent("海警")}`);
    expect(response?.status()).toBe(200);
    const result = page.getByTestId("search-result").filter({ hasText: piece.title });
    expect(await result.count()).toBe(1);
    expect(await result.getByTestId("search-matched-in").textContent()).toMatch(
      /^Matched in the original \(简体中文\)/,
    );
    // It leads to the piece: the translation, or its original's own page when that is published.
    await result.getByRole("link", { name: piece.title }).click();
    await page.waitForURL(/\/articles\//);
    expect([piece.title, piece.original?.title]).toContain(await page.locator("h1").textContent());
  });

  it("shows topics for an empty query and tips when nothing matches", async () => {
    await page.goto(`${base()}/search`);
    expect(await page.getByRole("heading", { name: "Browse by topic" }).isVisible()).toBe(true);
    await page.goto(`${base()}/search?q=qwxzzyv`);
    expect(await page.getByRole("status").textContent()).toContain("No results");
    expect(await page.getByRole("heading", { name: "Search tips" }).isVisible()).toBe(true);
  });

  it("answers hostile queries and pages with a normal page", async () => {
    for (const query of [
      `q=${encodeURIComponent("Kishida ".repeat(1_250))}`,
      `q=${encodeURIComponent("'\\\":*&|!()<-> -- ;")}&page=-5`,
      `q=${encodeURIComponent("Kishida\u0000\u0007")}&page=abc`,
      "q=Kishida&page=99999",
      "q=%E0%A4%A&tag=%00&source=../x",
      "q=Kishida&q=other&page=1&page=2",
    ]) {
      const response = await page.goto(`${base()}/search?${query}`);
      expect(response?.status(), query).toBe(200);
      expect(await page.getByRole("heading", { name: "Search", exact: true }).isVisible()).toBe(true);
    }
    await page.goto(`${base()}/search?q=Kishida&page=99999`);
    expect(await page.getByRole("link", { name: SEED_TITLE }).count()).toBe(1);
  });

  it("serves /feed.xml as well-formed RSS with the seed reprint in full and its attribution", async () => {
    const response = await fetch(`${base()}/feed.xml`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("public, max-age=30, s-maxage=30");
    const rss = await parseXml(await response.text());
    expect(rss).not.toBeNull();
    expect(rss!.name).toBe("rss");
    expect(rss!.attrs.version).toBe("2.0");
    expect(itemTitles(rss!)).toContain(SEED_TITLE);
    const item = all(rss!, "item").find((i) => all(i, "title")[0]!.text === SEED_TITLE)!;
    const content = all(item, "encoded", CONTENT_NS)[0]!.text;
    expect(content).toContain("Reprinted with authorization");
    expect(content).toContain("Bu Yidao");
    expect(content).toContain("In this case, I hope some Japanese politicians will listen.");
    expect(all(item, "creator", DC_NS).map((c) => c.text)).toEqual(["Tiger knife", "Sister Daodao"]);
    expect(all(item, "guid")[0]!.text).toBe(all(item, "link")[0]!.text);
  });

  it("serves tag and source feeds, and 404 for unknown ones", async () => {
    // Exactly the pieces of that tag or source, newest first: the demo library's pieces tagged
    // Taiwan Strait, then the seed reprint (2022); Bu Yidao has only the seed reprint.
    const taggedStrait = DEMO_LIBRARY_PIECES.filter((piece) => piece.tags.includes("Taiwan Strait"))
      .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))
      .map((piece) => piece.title);
    expect(taggedStrait.length).toBeGreaterThan(0);
    const expected = {
      "/feeds/tags/taiwan-strait": [...taggedStrait, SEED_TITLE],
      "/feeds/sources/bu-yidao": [SEED_TITLE],
    };
    for (const [path, titles] of Object.entries(expected)) {
      const response = await fetch(`${base()}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
      const rss = await parseXml(await response.text());
      expect(rss).not.toBeNull();
      expect(itemTitles(rss!), path).toEqual(titles);
    }
    expect((await fetch(`${base()}/feeds/tags/no-such-tag`)).status).toBe(404);
    expect((await fetch(`${base()}/feeds/sources/no-such-source`)).status).toBe(404);
  });

  it("serves a well-formed sitemap with the seed article, and robots rules that keep crawlers out of admin", async () => {
    const sitemap = await fetch(`${base()}/sitemap.xml`);
    expect(sitemap.status).toBe(200);
    const xml = await parseXml(await sitemap.text());
    expect(xml?.name).toBe("urlset");
    const urls = all(xml!, "loc").map((l) => l.text);
    expect(urls.some((u) => /\/articles\/today-there-is-a-special-background/.test(u))).toBe(true);
    expect(urls.some((u) => u.endsWith("/sources/bu-yidao"))).toBe(true);
    expect(urls.every((u) => /^https?:\/\//.test(u))).toBe(true);

    const robots = await (await fetch(`${base()}/robots.txt`)).text();
    expect(robots).toMatch(/^Disallow: \/admin$/m);
    expect(robots).toMatch(/^Disallow: \/api\/admin$/m);
    expect(robots).toMatch(/^Disallow: \/login$/m);
    expect(robots).toMatch(/^Sitemap: https?:\/\/\S+\/sitemap\.xml$/m);
  });
});
