// The site's identity, changed by an admin on the settings page, shows at once — no restart, no
// waiting for a cache to expire — on the home page, an article page, the feed and their JSON-LD.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "../support/browser";
import { signIn } from "../support/staff-session";

const baseUrl = inject("baseUrl");
const SEED_PATH =
  "/articles/today-there-is-a-special-background-for-high-level-calls-between-china-and-japan";

type Node = Record<string, unknown>;

function jsonLdNodes(html: string): Node[] {
  return [...html.matchAll(/<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/g)].flatMap(
    (match) => [JSON.parse(match[1]!) as Node | Node[]].flat(),
  );
}

const get = async (path: string) => (await fetch(`${baseUrl}${path}`)).text();

async function saveIdentity(page: Page, fields: { title: string; language: string; timeZone: string }) {
  await page.goto(`${baseUrl}/admin/settings`);
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Save site identity" }) });
  await form.getByLabel("Site title").fill(fields.title);
  await form.getByLabel("Language").fill(fields.language);
  await form.getByLabel("Time zone").fill(fields.timeZone);
  await form.getByRole("button", { name: "Save site identity" }).click();
  // A locator's wait rather than expect.poll, so afterAll can use it too.
  await form.getByRole("status").filter({ hasText: "Saved the site’s identity" }).waitFor();
}

describe("the site's identity", () => {
  let browser: Browser;
  let admin: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await (await browser.newContext()).newPage();
    await signIn(admin, baseUrl, inject("adminEmail"), inject("adminPassword"), "/admin/settings");
  });
  afterAll(async () => {
    // Back to the defaults, for whatever runs next against this server.
    if (admin) await saveIdentity(admin, { title: "Crosscurrent", language: "en", timeZone: "UTC" });
    await browser?.close();
  });

  it("shows a new title and language on pages, the feed and JSON-LD at once", async () => {
    // Rendered and cached with today's identity first.
    expect(await get("/")).toContain('<html lang="en"');
    expect(await get("/feed.xml")).toContain("<title>Crosscurrent</title>");
    expect(await get(SEED_PATH)).toContain("Crosscurrent");

    await saveIdentity(admin, { title: "Strait Watch", language: "zh-Hans", timeZone: "Asia/Shanghai" });

    const home = await get("/");
    expect(home).toContain('<html lang="zh-Hans"');
    expect(home).toMatch(/class="site-title"[^>]*>Strait Watch</);
    expect(home).not.toContain(">Crosscurrent<");
    expect(jsonLdNodes(home).find((n) => n["@type"] === "WebSite")).toMatchObject({
      name: "Strait Watch",
      inLanguage: "zh-Hans",
      publisher: { name: "Strait Watch" },
    });

    const article = await get(SEED_PATH);
    expect(article).toMatch(/<title>[^<]* · Strait Watch<\/title>/);
    expect(jsonLdNodes(article).find((n) => n["@type"] === "OpinionNewsArticle")).toMatchObject({
      publisher: { "@type": "Organization", name: "Strait Watch" },
    });

    const feed = await get("/feed.xml");
    expect(feed).toContain("<title>Strait Watch</title>");
    expect(feed).toContain("<language>zh-Hans</language>");
    expect(feed).not.toContain("<title>Crosscurrent</title>");
  });

  it("prints server-rendered dates in the chosen time zone and keeps the datetime in UTC", async () => {
    // The seed reprint was published at 2022-07-08T08:00Z; 20:00 in Honolulu the day before.
    await saveIdentity(admin, { title: "Strait Watch", language: "zh-Hans", timeZone: "Pacific/Honolulu" });
    const article = await get(SEED_PATH);
    expect(article).toContain('<time dateTime="2022-07-08T08:00:00.000Z">7 July 2022</time>');
    await saveIdentity(admin, { title: "Strait Watch", language: "zh-Hans", timeZone: "UTC" });
    expect(await get(SEED_PATH)).toContain('<time dateTime="2022-07-08T08:00:00.000Z">8 July 2022</time>');
  });
});
