// The public site as readers, feed readers and crawlers meet it: browsing from the home page
// through an article to its tag, source and author; edits and unpublishing showing at once
// everywhere; structured data; well-formed XML; and odd URLs that never break a page.
import { randomBytes } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "../support/browser";
import { signIn } from "../support/staff-session";
import { toastTexts } from "../support/toasts";

const baseUrl = inject("baseUrl");
const SEED_TITLE = "Today, there is a special background for high-level calls between China and Japan!";
const SEED_PATH =
  "/articles/today-there-is-a-special-background-for-high-level-calls-between-china-and-japan";
const SEED_TAG_PATH = "/tags/taiwan-strait";

/** Letters only, so search treats it as one word nothing else contains. */
function uniqueWord(): string {
  return [...randomBytes(10)].map((b) => String.fromCharCode(97 + (b % 26))).join("");
}

async function get(path: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`${baseUrl}${path}`, { redirect: "manual" });
  return { status: response.status, text: await response.text() };
}

const titleBox = (page: Page) => page.getByRole("textbox", { name: "Title", exact: true });
const saveStatus = (page: Page) => page.getByTestId("save-status").textContent();

describe("the public site", () => {
  let browser: Browser;
  let reader: Page;
  let staff: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    reader = await (await browser.newContext()).newPage();
    staff = await (await browser.newContext()).newPage();
    await signIn(staff, baseUrl, inject("adminEmail"), inject("adminPassword"));
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Writes a new original piece in the editor, publishes it, and returns its public slug. */
  async function publishNewArticle(title: string, body: string): Promise<string> {
    await staff.goto(`${baseUrl}/admin/articles/new`);
    await titleBox(staff).fill(title);
    await staff.getByRole("textbox", { name: "Article body" }).click();
    await staff.keyboard.type(body);
    await staff.waitForURL(/\/admin\/articles\/[a-z0-9]+$/, { timeout: 15_000 });
    await expect.poll(() => saveStatus(staff)).toBe("Saved");
    await staff.getByRole("button", { name: "Publish now" }).click();
    await expect.poll(() => toastTexts(staff)).toContain("Published.");
    const api = (await (await fetch(`${baseUrl}/api/v1/articles?limit=100`)).json()) as {
      data: Array<{ slug: string; title: string }>;
    };
    const listed = api.data.find((a) => a.title === title);
    expect(listed, "the new article in /api/v1/articles").toBeDefined();
    return listed!.slug;
  }

  /** Parses with the browser's strict XML parser; true when well-formed. */
  async function isWellFormedXml(xml: string): Promise<boolean> {
    await reader.goto("about:blank");
    return reader.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, "application/xml");
      return doc.getElementsByTagName("parsererror").length === 0 && doc.documentElement !== null;
    }, xml);
  }

  /** Follows a link by clicking it, then checks the page it led to answers 200 with that h1. */
  async function follow(selector: string): Promise<string> {
    const link = reader.locator(selector).first();
    expect(await link.count(), `a link matching ${selector} on ${reader.url()}`).toBeGreaterThan(0);
    const href = (await link.getAttribute("href"))!;
    const name = (await link.textContent())!.trim();
    await link.click();
    await reader.waitForURL((url) => url.pathname === new URL(href, baseUrl).pathname);
    await expect.poll(() => reader.locator("h1").first().textContent()).toContain(name);
    expect((await get(new URL(reader.url()).pathname)).status, reader.url()).toBe(200);
    return name;
  }

  it("browses from the home page to the seed article, a tag, a source and an author", async () => {
    const home = await reader.goto(baseUrl);
    expect(home?.status()).toBe(200);
    expect(await reader.locator("h1").textContent()).toBe("Latest commentary");

    await reader.getByRole("link", { name: SEED_TITLE }).click();
    await reader.waitForURL((url) => url.pathname === SEED_PATH);
    expect(await reader.locator("h1").textContent()).toBe(SEED_TITLE);
    expect((await get(SEED_PATH)).status).toBe(200);

    // The article names its tags as links (a reader's way into the archives).
    await follow('main a[href^="/tags/"]');
    expect(await reader.getByTestId("archive-kind").textContent()).toBeTruthy();
    await follow('main a[href^="/sources/"]');
    expect(await reader.getByTestId("archive-kind").textContent()).toMatch(/^Source/);
    const author = await follow('main a[href^="/authors/"]');
    expect(["Tiger knife", "Sister Daodao"]).toContain(author);
    expect(await reader.getByTestId("archive-kind").textContent()).toBe("Contributor");
  });

  it("shows a published edit on the public page within a second of its save", async () => {
    const title = `Harbour notes ${uniqueWord()}`;
    const slug = await publishNewArticle(title, "A short piece about harbours.");
    expect((await get(`/articles/${slug}`)).text).toContain(title);

    const updated = `${title} (updated)`;
    // The moment the status turns to "Saved" after the click, on the same clock as this process.
    await staff.evaluate(() => {
      const w = window as unknown as { savedAt: number | null };
      w.savedAt = null;
      const status = document.querySelector('[data-testid="save-status"]')!;
      let seenOther = false;
      new MutationObserver(() => {
        const text = status.textContent;
        if (text !== "Saved") seenOther = true;
        else if (seenOther && w.savedAt === null) w.savedAt = Date.now();
      }).observe(status, { childList: true, characterData: true, subtree: true });
    });
    await titleBox(staff).fill(updated);
    await staff.getByRole("button", { name: "Save", exact: true }).click();
    await staff.waitForFunction(
      () => (window as unknown as { savedAt: number | null }).savedAt !== null,
      null,
      {
        timeout: 15_000,
        polling: "raf",
      },
    );
    const savedAt = await staff.evaluate(() => (window as unknown as { savedAt: number }).savedAt);

    let seenAt: number | null = null;
    while (Date.now() - savedAt < 5_000) {
      const page = await get(`/articles/${slug}`);
      if (page.status === 200 && page.text.includes(updated)) {
        seenAt = Date.now();
        break;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(seenAt, "the new title never reached the public page").not.toBeNull();
    const lag = seenAt! - savedAt;
    console.log(`public page showed the saved edit ${lag} ms after "Saved"`);
    expect(lag).toBeLessThanOrEqual(1000);
  });

  it("takes an unpublished article off its page, the home page, feeds, sitemap, search and the API", async () => {
    const word = uniqueWord();
    const title = `Quiet exit ${uniqueWord()}`;
    const slug = await publishNewArticle(title, `This piece mentions ${word} and then goes away.`);
    const href = `/articles/${slug}`;
    const places = {
      home: async () => (await get("/")).text.includes(`href="${href}"`),
      feed: async () => (await get("/feed.xml")).text.includes(`${href}</link>`),
      sitemap: async () => (await get("/sitemap.xml")).text.includes(`${href}</loc>`),
      search: async () => (await get(`/search?q=${word}`)).text.includes(`href="${href}"`),
      api: async () => {
        const body = (await (await fetch(`${baseUrl}/api/v1/articles?limit=100`)).json()) as {
          data: Array<{ slug: string }>;
        };
        return body.data.some((a) => a.slug === slug);
      },
    };
    expect((await get(href)).status).toBe(200);
    for (const [place, listed] of Object.entries(places))
      expect(await listed(), `${place} lists it`).toBe(true);

    await staff.getByRole("button", { name: "Unpublish" }).click();
    await expect.poll(() => toastTexts(staff)).toContain("Unpublished: it is a draft again.");

    const page = await reader.goto(`${baseUrl}${href}`);
    expect(page?.status()).toBe(404);
    expect(await reader.locator("h1").textContent()).toBe("Page not found");
    for (const [place, listed] of Object.entries(places)) {
      expect(await listed(), `${place} still lists it`).toBe(false);
    }
    expect((await get(`/api/v1/articles/${slug}`)).status).toBe(404);
  });

  it("describes the seed reprint in JSON-LD with all its authors and what it is based on", async () => {
    await reader.goto(`${baseUrl}${SEED_PATH}`);
    const blocks = await reader
      .locator('script[type="application/ld+json"]')
      .evaluateAll((scripts) => scripts.map((s) => s.textContent ?? ""));
    expect(blocks.length).toBeGreaterThan(0);
    type Node = Record<string, unknown>;
    const nodes = blocks.flatMap((text) => [JSON.parse(text) as Node | Node[]].flat());
    const article = nodes.find((n) => n["@type"] === "OpinionNewsArticle");
    expect(article, "an OpinionNewsArticle node").toBeDefined();
    expect(article!.headline).toBe(SEED_TITLE);
    const authors = [article!.author].flat() as Node[];
    expect(authors.map((a) => a.name)).toEqual(expect.arrayContaining(["Tiger knife", "Sister Daodao"]));
    expect(authors.every((a) => a["@type"] === "Person")).toBe(true);
    // What it is based on: the original's web address, or a description of the original.
    const basedOn = article!.isBasedOn as string | Node | undefined;
    expect(basedOn, "isBasedOn").toBeDefined();
    if (typeof basedOn === "string") expect(basedOn).toMatch(/^https?:\/\//);
    else expect(basedOn!["@type"]).toBe("CreativeWork");
  });

  it("serves the feed and the sitemap as well-formed XML", async () => {
    for (const path of [
      "/feed.xml",
      "/sitemap.xml",
      "/feeds/tags/taiwan-strait",
      "/feeds/sources/bu-yidao",
    ]) {
      const { status, text } = await get(path);
      expect(status, path).toBe(200);
      expect(await isWellFormedXml(text), `${path} is well-formed`).toBe(true);
    }
  });

  it("answers unknown slugs with the styled 404 page", async () => {
    for (const path of [
      "/articles/no-such-article",
      "/tags/x",
      "/sources/x",
      "/authors/x",
      "/no/such/page",
    ]) {
      const response = await reader.goto(`${baseUrl}${path}`);
      expect(response?.status(), path).toBe(404);
      expect(await reader.locator("h1").textContent(), path).toBe("Page not found");
      // The site's stylesheet applies: the page is laid out, not bare HTML.
      const maxWidth = await reader
        .locator("main")
        .first()
        .evaluate((el) => getComputedStyle(el).maxWidth);
      expect(maxWidth, path).not.toBe("none");
      expect(await reader.getByRole("link", { name: "Go to the front page" }).count(), path).toBe(1);
    }
  });

  it("keeps the benchmark's yardstick pages off the site: a server the benchmark did not start answers 404", async () => {
    for (const path of ["/bench-static/50", "/bench-static/250", "/bench-static"]) {
      expect((await get(path)).status, path).toBe(404);
    }
  });

  it("answers odd archive page numbers with a page or a 404, never an error", async () => {
    for (const archive of [SEED_TAG_PATH, "/sources/bu-yidao", "/authors/tiger-knife", "/tags/x"]) {
      for (const page of ["-1", "abc", "999999", "0", "1.5", "1e400", "%00"]) {
        const path = `${archive}?page=${page}`;
        const response = await reader.goto(`${baseUrl}${path}`);
        const status = response?.status();
        expect([200, 404], path).toContain(status);
        const h1 = await reader.locator("h1").first().textContent();
        expect(h1, path).toBeTruthy();
        if (status === 404) expect(h1, path).toBe("Page not found");
      }
    }
  });

  it("answers hostile search queries with the search page", async () => {
    for (const q of [
      "x".repeat(10_000),
      "Taiwan ".repeat(1_429).slice(0, 10_000),
      '\'); drop table "Article"; --',
      '"unbalanced',
      "Kishida\u0000\u0001\u0007\u001b[31m\u007f\u2028",
      "\\",
      "%",
    ]) {
      const path = `/search?q=${encodeURIComponent(q)}`;
      const response = await reader.goto(`${baseUrl}${path}`);
      expect(response?.status(), q.slice(0, 40)).toBe(200);
      expect(await reader.getByRole("heading", { name: "Search", exact: true }).isVisible()).toBe(true);
    }
  });
});
