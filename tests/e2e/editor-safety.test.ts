// The editor never loses words: offline saves keep the text and a reload offers it back; and
// images come from the media library with their alt text.
import sharp from "sharp";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "../support/browser";
import { signIn } from "../support/staff-session";

const baseUrl = inject("baseUrl");

async function staffPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, baseUrl, inject("adminEmail"), inject("adminPassword"));
  return page;
}

const saveStatus = (page: Page) => page.getByTestId("save-status").textContent();
const title = (page: Page) => page.getByRole("textbox", { name: "Title", exact: true });

describe("the editor's safety nets", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("keeps typed text through failed saves and offers it back after a reload", async () => {
    const page = await staffPage(browser);
    await page.goto(`${baseUrl}/admin/articles/new`);
    await title(page).fill("Offline piece");
    await page.getByRole("textbox", { name: "Article body" }).click();
    await page.keyboard.type("Written while online.");
    await page.waitForURL(/\/admin\/articles\/[a-z0-9]+$/, { timeout: 15_000 });
    await expect.poll(() => saveStatus(page), { timeout: 15_000 }).toBe("Saved");

    await page.context().setOffline(true);
    await page.keyboard.type(" Written while the network was down.");
    await expect.poll(() => saveStatus(page), { timeout: 15_000 }).toMatch(/^Save failed — .*retrying/);
    expect(await page.getByRole("textbox", { name: "Article body" }).textContent()).toContain(
      "Written while the network was down.",
    );

    // The tab goes away before the server ever got the new words…
    await page.context().setOffline(false);
    page.once("dialog", (dialog) => void dialog.accept());
    await page.reload();
    // …and the local copy is offered back.
    await page.getByRole("button", { name: "Restore them" }).click();
    expect(await page.getByRole("textbox", { name: "Article body" }).textContent()).toBe(
      "Written while online. Written while the network was down.",
    );
    await expect.poll(() => saveStatus(page), { timeout: 15_000 }).toBe("Saved");
  });

  it("inserts an uploaded image from the media library with its alt text", async () => {
    const page = await staffPage(browser);
    await page.goto(`${baseUrl}/admin/articles/new`);
    await title(page).fill("Piece with a picture");
    await page.getByRole("textbox", { name: "Article body" }).click();
    await page.keyboard.type("Above the picture.");

    await page.getByRole("button", { name: "Image", exact: true }).click();
    const png = await sharp({ create: { width: 800, height: 500, channels: 3, background: "#336699" } })
      .png()
      .toBuffer();
    const picker = page.getByRole("region", { name: "Choose an image" });
    await picker.getByLabel("Image (JPEG, PNG, WebP or AVIF, up to 10 MB)").setInputFiles({
      name: "harbour.png",
      mimeType: "image/png",
      buffer: png,
    });
    await picker.getByLabel("Alt text", { exact: true }).fill("A blue harbour at dusk");
    await picker.getByRole("button", { name: "Upload" }).click();
    await picker.getByRole("button", { name: "A blue harbour at dusk" }).first().click();
    await picker.getByRole("button", { name: "Use this image" }).click();

    const image = page.locator(".editor-surface img");
    expect(await image.getAttribute("alt")).toBe("A blue harbour at dusk");
    expect(await image.getAttribute("src")).toMatch(/^\/media\/[^/]+\/[\w.-]+$/);
    await page.waitForURL(/\/admin\/articles\/[a-z0-9]+$/, { timeout: 15_000 });
    await expect.poll(() => saveStatus(page), { timeout: 15_000 }).toBe("Saved");
  });

  it("answers a malformed upload with a 400, not a server error", async () => {
    const page = await staffPage(browser);
    const response = await page.request.post(`${baseUrl}/api/admin/media`, {
      headers: { "Content-Type": "multipart/form-data; boundary=nothing-follows" },
      data: "this is not multipart at all",
    });
    expect(response.status()).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe("INVALID");
    expect(error.message).toMatch(/JSON object or as form fields/);
  });
});
