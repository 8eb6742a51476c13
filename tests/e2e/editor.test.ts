import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "../support/browser";
import { signIn } from "../support/staff-session";
import { toastTexts } from "../support/toasts";

const baseUrl = inject("baseUrl");

async function staffPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, baseUrl, inject("adminEmail"), inject("adminPassword"));
  return page;
}

async function waitUntilSaved(page: Page) {
  await expect.poll(() => page.getByTestId("save-status").textContent(), { timeout: 15_000 }).toBe("Saved");
}

describe("the article editor", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("writes with the toolbar, autosaves, publishes, and the public page keeps the formatting", async () => {
    const page = await staffPage(browser);
    await page.goto(`${baseUrl}/admin/articles/new`);
    await page.getByRole("textbox", { name: "Title", exact: true }).fill("Toolbar test piece");
    const body = page.getByRole("textbox", { name: "Article body" });
    await body.click();

    await page.getByRole("button", { name: "Heading 2" }).click();
    await page.keyboard.type("A heading");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Some ");
    await page.getByRole("button", { name: "Bold" }).click();
    await page.keyboard.type("bold text");
    await page.getByRole("button", { name: "Bold" }).click();
    await page.keyboard.type(" and a link");
    for (let i = 0; i < "a link".length; i++) await page.keyboard.press("Shift+ArrowLeft");
    // A bare domain, as editors type it, becomes an https link.
    await page.getByRole("button", { name: "Link", exact: true }).click();
    await page.getByLabel("Link address").fill("example.com/original");
    await page.getByLabel("Link address").press("Enter");
    await page.keyboard.press("End");
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Bulleted list" }).click();
    await page.keyboard.type("first item");
    await page.keyboard.press("Enter");
    await page.keyboard.type("second item");

    await page.waitForURL(/\/admin\/articles\/[a-z0-9]+$/, { timeout: 15_000 });
    await expect.poll(() => page.getByTestId("word-count").textContent()).toBe("12 words");
    await waitUntilSaved(page);

    // The editor must stay the same element through saves, publishing and the refreshes they
    // cause: a remount would drop what is typed in that moment.
    await page
      .locator(".editor-surface")
      .evaluate((node: HTMLElement) => (node.dataset.mounted = "original"));
    await page.getByRole("button", { name: "Publish now" }).click();
    await expect.poll(() => toastTexts(page)).toContain("Published.");
    expect(await page.getByTestId("article-status").textContent()).toBe("Published");
    await page.waitForLoadState("networkidle");
    expect(await page.locator('.editor-surface[data-mounted="original"]').count()).toBe(1);
    expect(await page.getByTestId("article-status").textContent()).toBe("Published");

    const reader = await (await browser.newContext()).newPage();
    const response = await reader.goto(`${baseUrl}/articles/toolbar-test-piece`);
    expect(response?.status()).toBe(200);
    const article = reader.locator(".article-body");
    expect(await article.locator("h2").textContent()).toBe("A heading");
    expect(await article.locator("strong").textContent()).toBe("bold text");
    expect(await article.locator('a[href="https://example.com/original"]').textContent()).toBe("a link");
    expect(await article.locator("ul > li").allTextContents()).toEqual(["first item", "second item"]);
  });

  it("shows a conflict with both versions when two people save the same article, and loses nothing", async () => {
    const first = await staffPage(browser);
    await first.goto(`${baseUrl}/admin/articles/new`);
    await first.getByRole("textbox", { name: "Title", exact: true }).fill("Shared draft");
    await first.getByRole("textbox", { name: "Article body" }).click();
    await first.keyboard.type("Opening line.");
    await first.waitForURL(/\/admin\/articles\/[a-z0-9]+$/, { timeout: 15_000 });
    await waitUntilSaved(first);
    const url = first.url();

    const second = await staffPage(browser);
    await second.goto(url);

    await first.getByRole("textbox", { name: "Title", exact: true }).fill("Shared draft — Ana's title");
    await waitUntilSaved(first);

    await second.getByRole("textbox", { name: "Title", exact: true }).fill("Shared draft — Ben's title");
    const dialog = second.getByRole("alertdialog");
    await dialog.waitFor({ timeout: 15_000 });
    expect(await second.getByTestId("conflict-mine").textContent()).toContain("Ben's title");
    expect(await second.getByTestId("conflict-theirs").textContent()).toContain("Ana's title");

    await second.getByRole("button", { name: "Keep mine (save over theirs)" }).click();
    await waitUntilSaved(second);
    await first.reload();
    expect(await first.getByRole("textbox", { name: "Title", exact: true }).inputValue()).toBe(
      "Shared draft — Ben's title",
    );
  });
});
