// The staff frame and the editor's chrome, as an editor meets them: grouped navigation that
// folds away on a phone, and an editor whose status, Save and Publish never scroll out of reach.
import type { Editor } from "@tiptap/core";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "../support/browser";
import { signIn } from "../support/staff-session";

const baseUrl = inject("baseUrl");

async function staffPage(browser: Browser, width = 1280): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width, height: 800 } })).newPage();
  await signIn(page, baseUrl, inject("adminEmail"), inject("adminPassword"));
  return page;
}

const EMOJI = /\p{Extended_Pictographic}/u;

/** The text the editor holds selected: its own selection, which takes the browser's a moment later. */
function editorSelection(page: Page): Promise<string> {
  return page.evaluate(() => {
    const { state } = (document.querySelector(".ProseMirror") as unknown as { editor: Editor }).editor;
    return state.doc.textBetween(state.selection.from, state.selection.to);
  });
}

/** A new article whose body is `text`, its last word `word` selected in the editor; its body. */
async function newArticleSelecting(page: Page, text: string, word: string): Promise<Locator> {
  await page.goto(`${baseUrl}/admin/articles/new`);
  const body = page.getByRole("textbox", { name: "Article body" });
  await body.click();
  await page.keyboard.type(text);
  for (let i = 0; i < word.length; i++) await page.keyboard.press("Shift+ArrowLeft");
  await expect.poll(() => editorSelection(page)).toBe(word);
  return body;
}

describe("the staff frame", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("groups the sections, offers View site and New article, and marks the current page", async () => {
    const page = await staffPage(browser);
    await page.goto(`${baseUrl}/admin/articles`);
    const nav = page.getByRole("navigation", { name: "Admin" });
    const groups = await nav.locator("h2").allTextContents();
    expect(groups).toEqual(["Content", "Rights", "Community", "Administration"]);
    expect(await nav.getByRole("link", { name: "Articles" }).getAttribute("aria-current")).toBe("page");
    expect(await nav.getByRole("link", { name: "Dashboard" }).getAttribute("aria-current")).toBeNull();
    expect(await page.getByRole("link", { name: "View site" }).getAttribute("href")).toBe("/");
    await page.getByRole("link", { name: "New article" }).first().click();
    await page.waitForURL(/\/admin\/articles\/(new|c[a-z0-9]+)$/);
  });

  it("answers a missing article with a 404 inside the staff frame, not the public site's", async () => {
    const page = await staffPage(browser);
    const response = await page.goto(`${baseUrl}/admin/authorizations/no-such-authorization`);
    expect(response?.status()).toBe(404);
    expect(await page.locator("h1").textContent()).toBe("Not found");
    expect(await page.getByRole("navigation", { name: "Admin" }).count()).toBe(1);
    expect(await page.getByRole("link", { name: "Back to the dashboard" }).getAttribute("href")).toBe(
      "/admin",
    );
  });

  it("folds the navigation behind a menu button on a phone", async () => {
    const page = await staffPage(browser, 390);
    await page.goto(`${baseUrl}/admin`);
    const menu = page.getByRole("button", { name: "Menu" });
    const nav = page.getByRole("navigation", { name: "Admin" });
    expect(await nav.isVisible()).toBe(false);
    await menu.click();
    expect(await page.getByRole("button", { name: "Close menu" }).getAttribute("aria-expanded")).toBe("true");
    await nav.getByRole("link", { name: "Tags" }).click();
    await page.waitForURL(`${baseUrl}/admin/tags`);
    await expect.poll(() => nav.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  it("lists articles on a phone as a title across the row with its details under it", async () => {
    const page = await staffPage(browser, 390);
    await page.goto(`${baseUrl}/admin/articles`);
    const row = page.locator("tbody tr").first();
    const [rowBox, titleBox, statusBox] = await Promise.all([
      row.boundingBox(),
      row.locator("td").nth(1).boundingBox(),
      row.locator("td").nth(2).boundingBox(),
    ]);
    // Right of the checkbox, the title has the rest of the width; the status comes under it, on one line.
    expect(titleBox!.width).toBeGreaterThan(rowBox!.width * 0.8);
    expect(statusBox!.y).toBeGreaterThanOrEqual(titleBox!.y + titleBox!.height - 1);
    expect(statusBox!.x).toBeCloseTo(titleBox!.x, 0);
    expect(statusBox!.height).toBeLessThan(24);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  it("keeps the article list's status, kind and time whole on a laptop", async () => {
    const page = await staffPage(browser);
    await page.goto(`${baseUrl}/admin/articles`);
    const cells = page.locator("tbody tr").first().locator("td");
    // Status, kind, updated: the lines each one's text takes.
    for (const column of [2, 3, 6]) {
      const lines = await cells.nth(column).evaluate((cell) => {
        const range = document.createRange();
        range.selectNodeContents(cell);
        return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
      });
      expect(lines, `column ${column}`).toBe(1);
    }
  });
});

describe("the editor's chrome", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("draws the toolbar with icons, never emoji, each button named", async () => {
    const page = await staffPage(browser);
    await page.goto(`${baseUrl}/admin/articles/new`);
    const tools = page.getByRole("toolbar", { name: "Formatting" }).getByRole("button");
    await tools.first().waitFor();
    const buttons = await tools.evaluateAll((nodes) =>
      nodes.map((node) => ({
        label: node.getAttribute("aria-label"),
        text: node.textContent ?? "",
        icons: node.querySelectorAll("svg").length,
      })),
    );
    expect(buttons.length).toBeGreaterThan(10);
    for (const button of buttons) {
      expect(button.label).toBeTruthy();
      expect(button.icons).toBe(1);
      expect(button.text).not.toMatch(EMOJI);
    }
  });

  it("adds a byline only for the person picked from a search, and adds a new person on the spot", async () => {
    const page = await staffPage(browser);
    await page.goto(`${baseUrl}/admin/articles/new`);
    const settings = page.getByRole("complementary", { name: "Article settings" });
    const names = () => settings.locator(".byline-name").allTextContents();
    await settings.getByRole("button", { name: "Add a byline" }).click();
    // Opening the search adds no one: a byline names whom the editor picks.
    expect(await names()).toEqual([]);
    await page.getByRole("combobox", { name: "Search people" }).fill("daodao");
    await page.keyboard.press("Enter");
    await expect.poll(names).toEqual(["Sister Daodao"]);
    expect(await settings.getByRole("combobox", { name: "Sister Daodao: role" }).inputValue()).toBe("AUTHOR");

    const newcomer = `Mei Lin ${Date.now()}`;
    await settings.getByRole("button", { name: "Add a byline" }).click();
    await page.getByRole("combobox", { name: "Search people" }).fill(newcomer);
    await page.getByRole("option", { name: `Add the person “${newcomer}”` }).click();
    await expect.poll(names).toEqual(["Sister Daodao", newcomer]);
  });

  it("finds and creates tags from a search, and removes them one by one", async () => {
    const page = await staffPage(browser);
    await page.goto(`${baseUrl}/admin/articles/new`);
    const settings = page.getByRole("complementary", { name: "Article settings" });
    const chips = settings.getByRole("list", { name: "Tags on this article" }).getByRole("listitem");
    const tag = `Strait diplomacy ${Date.now()}`;
    await settings.getByRole("button", { name: "Add a tag" }).click();
    await page.getByRole("combobox", { name: "Search tags" }).fill(tag);
    await page.getByRole("option", { name: `Create the tag “${tag}”` }).click();
    await expect.poll(() => chips.allTextContents()).toEqual([tag]);

    // Created once: searching for it again offers it rather than a second copy.
    await settings.getByRole("button", { name: "Remove the tag " + tag }).click();
    await settings.getByRole("button", { name: "Add a tag" }).click();
    await page.getByRole("combobox", { name: "Search tags" }).fill(tag.toLowerCase());
    expect(await page.getByRole("option", { name: /^Create the tag/ }).count()).toBe(0);
    await page.keyboard.press("Enter");
    await expect.poll(() => chips.allTextContents()).toEqual([tag]);
  });

  it("finds a reprint's source from a search, and creates a new one on the spot as a website", async () => {
    const page = await staffPage(browser);
    await page.goto(`${baseUrl}/admin/articles/new`);
    const settings = page.getByRole("complementary", { name: "Article settings" });
    await settings.getByRole("radio", { name: "Reprint", exact: true }).check();
    const chosen = () => settings.locator("#source-value").textContent();
    const name = `Harbour Lights ${Date.now()}`;
    await settings.getByRole("button", { name: /^Source / }).click();
    await page.getByRole("combobox", { name: "Search sources" }).fill(name);
    await page.getByRole("option", { name: `Create source “${name}”` }).click();
    await expect.poll(chosen).toBe(name);
    await expect
      .poll(() => page.getByTestId("toast").allTextContents())
      .toContainEqual(expect.stringContaining(`Added the source “${name}”. Its kind is Website`));

    // Created once: searching for it again offers it rather than a second copy.
    await settings.getByRole("button", { name: /^Source / }).click();
    await page.getByRole("combobox", { name: "Search sources" }).fill(name.toLowerCase());
    expect(await page.getByRole("option", { name: /^Create source/ }).count()).toBe(0);
    expect(await page.getByRole("option", { name, exact: true }).count()).toBe(1);
    await page.keyboard.press("Escape");

    // The desk's source list has it, as a website, for the editor to refine on its page.
    await page.goto(`${baseUrl}/admin/sources?q=${encodeURIComponent(name)}`);
    const row = page.getByRole("row").filter({ hasText: name });
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain("Website");
  });

  it("edits links in a popover: refuses a script address, then links, then removes", async () => {
    const page = await staffPage(browser);
    let dialogs = 0;
    page.on("dialog", (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    // Selected while the first save is under way: its re-render must leave the selection alone.
    const body = await newArticleSelecting(page, "Read the source", "source");
    await page.keyboard.press("Control+k");
    const address = page.getByLabel("Link address");
    await address.fill("javascript:alert(1)");
    await address.press("Enter");
    expect(await page.getByRole("alert").filter({ hasText: "http, https or mailto" }).count()).toBe(1);
    await address.fill("https://example.org/source");
    await page.getByRole("button", { name: "Apply" }).click();
    expect(await body.locator('a[href="https://example.org/source"]').textContent()).toBe("source");
    expect(await address.count()).toBe(0);

    await body.locator("a").click();
    await page.getByRole("button", { name: "Link", exact: true }).click();
    expect(await page.getByLabel("Link address").inputValue()).toBe("https://example.org/source");
    await page.getByRole("button", { name: "Remove link" }).click();
    expect(await body.locator("a").count()).toBe(0);
    expect(dialogs).toBe(0);
  });

  it("keeps every key typed straight after a link is applied or the popover is closed", async () => {
    const page = await staffPage(browser);
    const body = await newArticleSelecting(page, "See the source", "source");
    await page.keyboard.press("Control+k");
    await page.getByLabel("Link address").fill("example.org/source");
    // No pause: a writer keeps typing as the popover closes.
    await page.getByLabel("Link address").press("Enter");
    await page.keyboard.type(", then more.");
    await page.keyboard.press("Control+k");
    await page.getByLabel("Link address").press("Escape");
    await page.keyboard.type(" The end.");
    await expect.poll(() => body.innerText()).toBe("See the source, then more. The end.");
    expect(await body.locator("a").textContent()).toBe("source");
  });

  it("grows the title with its text, saves on Ctrl+S, and keeps status, Save and Publish in view", async () => {
    const page = await staffPage(browser);
    await page.goto(`${baseUrl}/admin/articles/new`);
    const title = page.getByRole("textbox", { name: "Title", exact: true });
    await title.fill("Short");
    const oneLine = (await title.boundingBox())!.height;
    await title.fill(
      "A title long enough to need several lines on any screen: what the summer's talks between Tokyo and Beijing changed for the Taiwan Strait, and what they did not",
    );
    const wrapped = (await title.boundingBox())!.height;
    expect(wrapped).toBeGreaterThan(oneLine * 1.5);
    expect(
      await title.evaluate((node: HTMLTextAreaElement) => node.scrollHeight <= node.clientHeight + 1),
    ).toBe(true);

    await title.press("Enter");
    for (let i = 0; i < 40; i++) await page.keyboard.type(`Paragraph ${i} of a long piece.\n`);
    await page.waitForURL(/\/admin\/articles\/c[a-z0-9]+$/, { timeout: 15_000 });
    await page.keyboard.type("Saved by keyboard.");
    await page.keyboard.press("Control+s");
    await expect.poll(() => page.getByTestId("save-status").textContent(), { timeout: 15_000 }).toBe("Saved");

    await page.mouse.wheel(0, 20_000);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
    const status = page.getByTestId("article-status");
    const save = page.getByRole("button", { name: "Save", exact: true });
    const publish = page.getByRole("button", { name: "Publish now" });
    for (const element of [status, save, publish]) {
      const box = (await element.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(800);
    }
    expect(await status.textContent()).toBe("Draft");
  });
});
