// A title or text with no break in it (a pasted address, a payload, a run of letters) wraps on
// the staff pages that show it instead of widening them past a phone's screen.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "../support/browser";
import { signIn } from "../support/staff-session";

const baseUrl = inject("baseUrl");

describe("an article with unbroken words", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("keeps its editor, revisions and preview within 390 px", async () => {
    const page = await (await browser.newContext({ viewport: { width: 390, height: 800 } })).newPage();
    await signIn(page, baseUrl, inject("adminEmail"), inject("adminPassword"));
    await page.goto(`${baseUrl}/admin/articles/new`);
    await page
      .getByRole("textbox", { name: "Title", exact: true })
      .fill(`https://example.org/${"x".repeat(90)}`);
    await page.locator(".ProseMirror").click();
    await page.keyboard.type(`Pasted:${"y".repeat(120)}`);
    await page.keyboard.press("Control+s");
    await page.waitForURL(/\/admin\/articles\/c[a-z0-9]+$/, { timeout: 15_000 });
    await expect.poll(() => page.getByTestId("save-status").textContent()).toBe("Saved");
    const editor = page.url();
    for (const path of [editor, `${editor}/revisions`, `${editor}/preview`]) {
      await page.goto(path);
      await expect
        .poll(() => page.evaluate(() => document.documentElement.scrollWidth), { message: path })
        .toBe(390);
    }
  }, 120_000);
});
