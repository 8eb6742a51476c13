import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "../support/browser";

const SEED_TITLE = "Today, there is a special background for high-level calls between China and Japan!";

describe("a reader", () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("follows the seed reprint from the home page and sees its title, byline and source", async () => {
    await page.goto(inject("baseUrl"));
    await page.getByRole("link", { name: SEED_TITLE }).click();
    await page.waitForURL(/\/articles\//);

    expect(await page.locator("h1").textContent()).toBe(SEED_TITLE);
    const byline = await page.getByTestId("byline").first().textContent();
    expect(byline).toBe("By Tiger knife and Sister Daodao");
    const attribution = await page.getByRole("complementary", { name: "Attribution" }).textContent();
    // Each part once: the source, and that it is reprinted with authorization.
    expect(attribution?.match(/Source: WeChat official account Bu Yidao/g)).toHaveLength(1);
    expect(attribution?.match(/reprinted with authorization/gi)).toHaveLength(1);
    expect(attribution).toContain("Translated.");
    const body = await page.locator(".article-body").textContent();
    expect(body).toContain("In this case, I hope some Japanese politicians will listen.");
    expect(body).not.toContain("Leave a Reply");
  });

  it("gets a 404 for an unknown article", async () => {
    const response = await page.goto(`${inject("baseUrl")}/articles/no-such-article`);
    expect(response?.status()).toBe(404);
  });
});
