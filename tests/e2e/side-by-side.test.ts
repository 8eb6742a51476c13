// An editor works on a translation beside its original with the keyboard: imports the two
// together, skips a paragraph (the rights panel then names it), merges and splits rows, saves
// with Ctrl+S, and sees the alignment kept after a reload. Synthetic text, written for the test.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "../support/browser";
import { signIn } from "../support/staff-session";

const baseUrl = inject("baseUrl");

const ORIGINAL = [
  "山城的夜班公交",
  "晚上十一点，最后一班公交车从山脚出发，车上多是刚下班的护士和厨师。",
  "司机说，这条线路已经开了二十年，乘客换了一批又一批。",
  "他最怕的不是雨夜的山路，而是有一天这条线路被取消。",
].join("\n\n");

const TRANSLATION = [
  `The night bus of a hill town ${Date.now()}`,
  // The demo library's WeChat source: its grant allows translation, not omission.
  "Source: wechat official account: Jade Bridge Notes has been authorized to reprint",
  "At eleven at night the last bus leaves the foot of the hill, carrying mostly nurses and cooks just off work.",
  "The driver says the route has run for twenty years, and the passengers have changed many times over.",
  "What he fears most is not the mountain road on rainy nights, but the day the route is cut.",
].join("\n\n");

const rows = (page: Page) => page.getByTestId("sbs-row");
// The editor settles (its first autosave done) before the test leaves it or reads its panels.
const editorSettled = (page: Page) =>
  expect.poll(() => page.getByTestId("save-status").textContent(), { timeout: 30_000 }).toBe("Saved");
const status = (page: Page) => page.getByTestId("sbs-status");

describe("the original and its translation side by side", () => {
  let browser: Browser;
  let page: Page;
  let editorUrl = "";

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await signIn(page, baseUrl, inject("adminEmail"), inject("adminPassword"), "/admin/articles/import");
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("aligns, skips, merges and splits with the keyboard, and the rights check names the skipped paragraph", async () => {
    await page.getByLabel("Pasted text or HTML").fill(TRANSLATION);
    await page.getByText("The original, to keep beside the translation").click();
    await page.getByLabel("Original text or HTML").fill(ORIGINAL);
    await page.getByRole("button", { name: "Check the import" }).click();
    await page.getByRole("button", { name: /Make the draft/ }).click();
    await page.waitForURL(/\/admin\/articles\/c[a-z0-9]+$/, { timeout: 15_000 });
    editorUrl = page.url();
    await editorSettled(page);

    await page.getByRole("link", { name: "Original and translation" }).click();
    await page.waitForURL(/\/original$/);
    await expect.poll(() => rows(page).count()).toBe(3);
    expect(await page.getByTestId("original-counts").textContent()).toMatch(
      /Chinese \(simplified\).*3 paragraphs.*characters/,
    );
    expect(await page.getByTestId("translation-counts").textContent()).toMatch(/3 paragraphs · \d+ words/);

    // Into the rows with Tab from the toolbar's last control, then arrows and letters only.
    await page.getByRole("button", { name: "Save alignment" }).focus();
    await page.keyboard.press("Tab");
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label")))
      .toBe("Row 1");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("k");
    await expect.poll(() => status(page).textContent()).toContain("Row 2 skipped");
    expect(await rows(page).nth(1).textContent()).toContain("Omitted on purpose");
    await page.keyboard.press("Control+s");
    await expect.poll(() => status(page).textContent()).toContain("Alignment saved");

    // The skipped paragraph blocks publishing, named in the editor's rights panel.
    await page.goto(editorUrl);
    await editorSettled(page);
    await expect
      .poll(() => page.getByTestId("rights-panel").textContent(), { timeout: 15_000 })
      .toContain("Paragraph 2 of the original");

    // Back, take the skip off, merge and split rows, save: all from the keyboard.
    await page.goto(`${editorUrl}/original`);
    await page.getByRole("button", { name: "Save alignment" }).focus();
    await page.keyboard.press("Tab");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("k");
    await expect.poll(() => status(page).textContent()).toContain("no longer skipped");
    // Row 2 is untranslated now, its translation still in row 3: merge them, then split again.
    await page.keyboard.press("m");
    await expect.poll(() => rows(page).count()).toBe(2);
    await page.keyboard.press("s");
    await expect.poll(() => status(page).textContent()).toContain("split in two");
    expect(await rows(page).count()).toBe(3);
    await page.keyboard.press("Control+s");
    await expect.poll(() => status(page).textContent()).toContain("Alignment saved");
    await page.reload();
    await expect.poll(() => rows(page).count()).toBe(3);
    expect(await rows(page).nth(1).textContent()).not.toContain("Omitted");
    await page.goto(editorUrl);
    await editorSettled(page);
    await expect
      .poll(() => page.getByTestId("rights-panel").textContent(), { timeout: 15_000 })
      .not.toContain("Paragraph 2 of the original");
  }, 120_000);

  it("publishes the original beside the translation with the keyboard, and readers get both, linked both ways", async () => {
    await page.goto(`${editorUrl}/original`);
    await page.getByRole("checkbox", { name: /Publish the original, in Chinese/ }).focus();
    await page.keyboard.press("Space");
    await expect.poll(() => page.getByText("The original is published beside the article").count()).toBe(1);
    await page.goto(editorUrl);
    await editorSettled(page);
    await expect
      .poll(() => page.getByTestId("rights-panel").textContent(), { timeout: 15_000 })
      .toMatch(/Clear to publish/);
    await page.getByRole("button", { name: "Publish now" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByTestId("article-status").textContent()).toBe("Published");
    const path = (await page.getByTestId("article-address").textContent())!.replace(/^Address: /, "");

    const reader = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    const hreflangs = async () =>
      Object.fromEntries(
        await reader
          .locator('link[rel="alternate"][hreflang]')
          .evaluateAll((links) =>
            links.map((l) => [l.getAttribute("hreflang"), new URL(l.getAttribute("href")!).pathname]),
          ),
      );
    await reader.goto(baseUrl + path);
    expect(await reader.locator("html").getAttribute("lang")).toBe("en");
    const pairs = await hreflangs();
    const originalPath = pairs["zh-Hans"];
    expect(pairs).toEqual({ en: path, "zh-Hans": originalPath });

    // The language switch leads to the original, which carries the same pairs.
    await reader
      .getByRole("navigation", { name: /Languages/ })
      .getByRole("link", { name: "简体中文" })
      .click();
    await reader.waitForURL((url) => url.pathname === originalPath);
    expect(await reader.locator("html").getAttribute("lang")).toBe("zh-Hans");
    expect(await reader.locator("h1").textContent()).toBe("山城的夜班公交");
    expect(await reader.locator("header.site-header").getAttribute("lang")).toBe("en");
    expect(await hreflangs()).toEqual(pairs);
    expect(await reader.locator('link[rel="canonical"]').getAttribute("href")).toBe(baseUrl + originalPath);
    const jsonLd = (
      await reader
        .locator('script[type="application/ld+json"]')
        .evaluateAll((scripts) => scripts.flatMap((script) => JSON.parse(script.textContent!)))
    ).find((entry: { workTranslation?: unknown }) => entry.workTranslation);
    expect(jsonLd.workTranslation["@id"]).toBe(`${baseUrl}${path}#article`);

    // Side by side: each original paragraph beside its translation, each in its language.
    await reader.getByRole("link", { name: "Read side by side" }).click();
    await reader.waitForURL(/\/side-by-side$/);
    const zh = reader.locator('.article-body[lang="zh-Hans"]');
    const en = reader.locator('.article-body[lang="en"]');
    await expect.poll(() => zh.count()).toBe(3);
    expect(await en.count()).toBe(3);
    expect(await zh.nth(2).textContent()).toContain("有一天这条线路被取消");
    expect(await en.nth(2).textContent()).toContain("the day the route is cut");
    await reader.context().close();
  }, 120_000);
});
