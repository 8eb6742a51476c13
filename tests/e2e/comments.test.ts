// A reader's comment from form to page: posted under the seed article and held for moderation
// (a first-time commenter), approved by an editor from the queue with the keyboard, then shown
// publicly; a reply to it, by another reader, threads under it. Readers are told apart the way
// the site sees them behind its reverse proxy: by the address the proxy forwards (the test
// server trusts 127.0.0.1 as that proxy). Markup in comment bodies staying inert text is covered
// by tests/unit/comment-body-parts.test.ts and tests/int/comments-public.test.ts.
import { randomBytes } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "../support/browser";
import { signIn } from "../support/staff-session";

const baseUrl = inject("baseUrl");
const SEED_PATH =
  "/articles/today-there-is-a-special-background-for-high-level-calls-between-china-and-japan";

function unique(): string {
  return randomBytes(5).toString("hex");
}

describe("reader comments", () => {
  let browser: Browser;
  let editor: Page;

  /** A reader at their own address, with their own email. */
  async function newReader(address: string) {
    const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": address } });
    return { page: await context.newPage(), email: `reader-${unique()}@example.com` };
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    editor = await (await browser.newContext()).newPage();
    await signIn(editor, baseUrl, inject("adminEmail"), inject("adminPassword"));
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function post(
    { page: reader, email }: { page: Page; email: string },
    text: string,
    replyToText?: string,
  ) {
    await reader.goto(`${baseUrl}${SEED_PATH}`);
    if (replyToText) {
      const parent = reader.locator('#comments [id^="comment-"]', { hasText: replyToText }).first();
      await parent.getByRole("button", { name: "Reply" }).first().click();
    }
    const form = reader.locator("#comments form").first();
    const name = form.locator("#comment-name");
    if (await name.count()) {
      await name.fill("Li Wei 李伟");
      await form.locator("#comment-email").fill(email);
    }
    await form.locator("#comment-body").fill(text);
    await form.getByRole("button", { name: "Post comment" }).click();
  }

  /** Approves the newest pending comment from the queue: j selects it, a approves it. */
  async function approveNewestWithKeyboard(text: string) {
    await editor.goto(`${baseUrl}/admin/comments`);
    await editor.waitForLoadState("networkidle");
    const row = editor.locator("article[data-comment-id]", { hasText: text });
    await expect.poll(() => row.count()).toBe(1);
    await editor.keyboard.press("j");
    await expect.poll(() => row.getAttribute("aria-current")).toBe("true");
    await editor.keyboard.press("a");
    await expect.poll(() => row.count()).toBe(0);
  }

  async function publicText(): Promise<string> {
    const response = await fetch(`${baseUrl}${SEED_PATH}`);
    return response.text();
  }

  it("takes a website without a scheme, says an error once, and shows the reader's own comment in their time zone", async () => {
    const context = await browser.newContext({
      timezoneId: "Asia/Taipei",
      extraHTTPHeaders: { "X-Forwarded-For": "203.0.113.20" },
    });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    await page.goto(`${baseUrl}${SEED_PATH}`);
    const heading = page.locator("#comments-heading");
    expect(await heading.textContent()).toBe("No comments yet");
    const form = page.locator("#comments form").first();

    // Each asterisk sits on its label's line.
    for (const field of ["comment-name", "comment-email", "comment-body"]) {
      const label = form.locator(`label[for="${field}"]`);
      const box = (await label.boundingBox())!;
      const star = (await label.locator('[aria-hidden="true"]').boundingBox())!;
      expect(Math.abs(star.y - box.y), field).toBeLessThan(4);
    }

    await form.locator("#comment-name").fill("Mei Lin");
    await form.locator("#comment-email").fill(`meilin-${unique()}@example.org`);
    await form.locator("#comment-website").fill("ftp://meilin.example.org");
    const text = `Well argued, from Taipei ${unique()}`;
    await form.locator("#comment-body").fill(text);
    await form.getByRole("button", { name: "Post comment" }).click();
    const refusal = "Your website must be an http:// or https:// address.";
    await expect.poll(() => form.locator("#comment-website-error").textContent()).toBe(refusal);
    expect((await form.textContent())!.split(refusal).length - 1).toBe(1);

    await form.locator("#comment-website").fill("meilin.example.org");
    await form.getByRole("button", { name: "Post comment" }).click();
    const own = page.locator('[id^="own-comment-"]', { hasText: text });
    await expect.poll(() => own.textContent()).toContain("Your comment is awaiting moderation.");
    expect(await form.locator("#comment-website-error").textContent()).toBe("");
    expect(await own.getByRole("link", { name: "Mei Lin" }).getAttribute("href")).toMatch(
      /^https:\/\/meilin\.example\.org\/?$/,
    );
    expect(await heading.textContent()).not.toBe("No comments yet");

    // The time reads in the reader's zone; the machine-readable instant stays UTC.
    const time = own.locator("time");
    const instant = (await time.getAttribute("datetime"))!;
    expect(instant).toMatch(/Z$/);
    const inTaipei = new Intl.DateTimeFormat("en-GB", {
      dateStyle: "long",
      timeStyle: "short",
      timeZone: "Asia/Taipei",
    }).format(new Date(instant));
    expect(await time.textContent()).toBe(`${inTaipei} GMT+8`);
    expect(consoleErrors.filter((e) => /hydrat/i.test(e))).toEqual([]);
    await context.close();
  });

  it("holds a first comment, lets an editor approve it by keyboard, then shows it and its reply", async () => {
    const reader = await newReader("203.0.113.10");
    const first = `The talks matter more than the headlines say ${unique()}`;
    await post(reader, first);
    const own = reader.page.locator('[id^="own-comment-"]', { hasText: first });
    await expect.poll(() => own.textContent()).toContain("Your comment is awaiting moderation.");
    expect(await publicText()).not.toContain(first);

    await approveNewestWithKeyboard(first);
    await expect.poll(publicText, { timeout: 2000 }).toContain(first);

    const reply = `Agreed, and the Taiwan Strait matters too ${unique()}`;
    const replier = await newReader("203.0.113.11");
    await post(replier, reply, first);
    await expect
      .poll(() => replier.page.locator('[id^="own-comment-"]', { hasText: reply }).textContent())
      .toContain("awaiting moderation");
    await approveNewestWithKeyboard(reply);

    await reader.page.goto(`${baseUrl}${SEED_PATH}`);
    const parent = reader.page.locator('#comments [id^="comment-"]', { hasText: first }).first();
    await expect.poll(() => parent.locator('[id^="comment-"]', { hasText: reply }).count()).toBe(1);
    // The email is never on the page.
    expect(await publicText()).not.toContain(reader.email);
    expect(await publicText()).not.toContain(replier.email);
  });

  it("asks for confirmation first when the reader ticks the reply box (kept in the outbox without a relay)", async () => {
    const reader = await newReader("203.0.113.12");
    const text = `Tell me when someone answers this ${unique()}`;
    await reader.page.goto(`${baseUrl}${SEED_PATH}`);
    const form = reader.page.locator("#comments form").first();
    await form.locator("#comment-name").fill("Reply Watcher");
    await form.locator("#comment-email").fill(reader.email);
    await form.locator("#comment-body").fill(text);
    await form.getByLabel("Email me when someone replies (we will send a link to confirm first)").check();
    await form.getByRole("button", { name: "Post comment" }).click();
    await expect.poll(() => reader.page.locator('[id^="own-comment-"]', { hasText: text }).count()).toBe(1);
    expect(await form.getByLabel(/Email me when someone replies/).isChecked()).toBe(false);

    const row = editor.locator("tbody tr", { hasText: "Confirm reply notifications" });
    await expect
      .poll(async () => {
        await editor.goto(`${baseUrl}/admin/outbox?to=${encodeURIComponent(reader.email)}`);
        return row.count();
      })
      .toBe(1);
    expect(await row.textContent()).toContain("Kept, not sent");
    await row.locator("summary").click();
    expect(await row.locator("pre").textContent()).toMatch(
      /\/comments\/notifications\/confirm\?token=[\w-]{43}/,
    );
  });
});
