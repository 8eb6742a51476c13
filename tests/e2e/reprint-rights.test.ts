// Reprint rights, end to end: an admin records a source and its permission (with evidence) and
// grants it, an editor publishes a reprint under it, a reader sees the attribution, and once the
// admin revokes the permission the piece is gone everywhere a reader could find it.
import { createHash } from "node:crypto";
import type { Browser, BrowserContext, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "../support/browser";
import { signIn } from "../support/staff-session";
import { toastTexts } from "../support/toasts";
import { confirmation, confirmWith } from "../support/confirm-dialog";

const baseUrl = inject("baseUrl");

const SOURCE = "Harbour Review";
const SOURCE_URL = "https://harbour.example/";
const ATTRIBUTION = "Reprinted by permission of Harbour Review.";
const TITLE = "Harbour piece";
const SLUG = "harbour-piece";
const ORIGINAL_URL = "https://harbour.example/piece";
const BODY = "The harbour master counted forty ships at dawn, and none of them had come to stay.";
const EVIDENCE_NAME = "harbour-review-permission.png";
const REVOCATION_REASON = "The editor of Harbour Review withdrew permission by email.";

/** A real PNG (a screenshot of the grantor's reply, as far as the app can tell) and its SHA-256. */
async function evidencePng(): Promise<{ buffer: Buffer; sha256: string }> {
  const buffer = await sharp({
    create: { width: 64, height: 40, channels: 3, background: { r: 30, g: 90, b: 150 } },
  })
    .png()
    .toBuffer();
  return { buffer, sha256: createHash("sha256").update(buffer).digest("hex") };
}

/** Waits for a redirect to `/admin/<section>/<id>` (not `/new`) and returns the id. */
async function waitForDetailPage(page: Page, section: string): Promise<string> {
  const pattern = new RegExp(`^/admin/${section}/([^/]+)$`);
  await page.waitForURL((url) => pattern.test(url.pathname) && !url.pathname.endsWith("/new"), {
    timeout: 15_000,
  });
  return pattern.exec(new URL(page.url()).pathname)![1]!;
}

describe("reprint rights", () => {
  const editorEmail = `rights-editor-${Date.now()}@crosscurrent.test`;
  let browser: Browser;
  let admin: Page;
  let reader: Page;
  let readerContext: BrowserContext;
  let editorPassword: string;
  let authorizationId: string;
  let editorPage: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    // A context per actor: the admin and the reader keep theirs for the whole story.
    admin = await (await browser.newContext()).newPage();
    readerContext = await browser.newContext();
    reader = await readerContext.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** What a reader finds outside the article page: home page links, the content API, the site feed. */
  async function readerListings() {
    await reader.goto(baseUrl);
    const homeLinks = await reader.getByRole("link", { name: TITLE, exact: true }).count();
    const api = await readerContext.request.get(`${baseUrl}/api/v1/articles?limit=100`);
    expect(api.status()).toBe(200);
    const { data } = (await api.json()) as { data: Array<{ slug: string; title: string }> };
    // Through the request API, not a navigation: the feed may sit in the browser's HTTP cache.
    const feed = await readerContext.request.get(`${baseUrl}/feed.xml`);
    expect(feed.status()).toBe(200);
    return { homeLinks, apiSlugs: data.map((a) => a.slug), feed: await feed.text() };
  }

  it("lets the admin create an editor", async () => {
    await signIn(admin, baseUrl, inject("adminEmail"), inject("adminPassword"), "/admin/users");
    const form = admin.locator("form").filter({ has: admin.getByRole("button", { name: "Create user" }) });
    await form.getByLabel("Email").fill(editorEmail);
    await form.getByLabel("Name").fill("Rita Rights");
    await form.locator('select[name="role"]').selectOption("EDITOR");
    await form.getByRole("button", { name: "Create user" }).click();
    const password = admin.getByTestId("one-time-password");
    await password.waitFor();
    editorPassword = (await password.textContent())!.trim();
    expect(editorPassword).toMatch(/^\S{20}$/);
  });

  it("lets the admin record the rights holder as a source", async () => {
    await admin.goto(`${baseUrl}/admin/sources/new`);
    const form = admin.locator("form").filter({ has: admin.getByRole("button", { name: "Add source" }) });
    await form.getByLabel("Name", { exact: true }).fill(SOURCE);
    await form.getByLabel("Kind").selectOption({ label: "Website" });
    await form.getByLabel("Web address").fill(SOURCE_URL);
    await form.getByRole("button", { name: "Add source" }).click();
    await waitForDetailPage(admin, "sources");
    expect(await admin.locator("h1").textContent()).toContain(SOURCE);
  });

  it("lets the admin record a request, file the grantor's reply as evidence and grant it", async () => {
    await admin.goto(`${baseUrl}/admin/authorizations/new`);
    const request = admin.getByRole("form", { name: "Record a request", exact: true });
    await request.getByLabel("Source (the rights holder)").selectOption({ label: SOURCE });
    await request.getByLabel("Scope").selectOption({ label: "Everything the source publishes" });
    await request.getByLabel("Valid from (UTC)").fill(new Date().toISOString().slice(0, 10));
    await request
      .getByLabel("When it ends or is revoked")
      .selectOption({ label: "Take covered articles down" });
    await request.getByRole("checkbox", { name: "Attribution required" }).check();
    await request.getByLabel("Attribution text").fill(ATTRIBUTION);
    await request.getByRole("checkbox", { name: "Link back required" }).check();
    await request.getByRole("button", { name: "Record request" }).click();
    authorizationId = await waitForDetailPage(admin, "authorizations");
    expect(await admin.locator("h1").textContent()).toBe(`${SOURCE}: Requested`);

    const png = await evidencePng();
    const evidence = admin.getByRole("form", { name: "Add evidence", exact: true });
    await evidence.getByLabel("Kind").selectOption("FILE");
    await evidence
      .getByLabel("File (PDF, PNG, JPEG or WebP")
      .setInputFiles({ name: EVIDENCE_NAME, mimeType: "image/png", buffer: png.buffer });
    await evidence.getByRole("button", { name: "Add evidence" }).click();
    await expect
      .poll(() => evidence.getByRole("status").textContent())
      .toBe(`Evidence “${EVIDENCE_NAME}” added.`);
    const row = admin.getByRole("row").filter({ hasText: EVIDENCE_NAME });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getByRole("cell", { name: png.sha256, exact: true }).count()).toBe(1);

    const grant = admin.getByRole("form", { name: "Grant", exact: true });
    await grant.getByRole("button", { name: "Grant" }).click();
    await confirmWith(admin, "Grant");
    await expect.poll(() => admin.locator("h1").textContent()).toBe(`${SOURCE}: Granted`);
    const terms = await admin.locator("dl.terms").textContent();
    expect(terms).toContain(ATTRIBUTION);
  });

  it("lets an editor publish a reprint from that source", async () => {
    const editor = await (await browser.newContext()).newPage();
    await signIn(editor, baseUrl, editorEmail, editorPassword);
    await editor.goto(`${baseUrl}/admin/articles/new`);
    await editor.getByRole("textbox", { name: "Title", exact: true }).fill(TITLE);
    await editor.getByRole("textbox", { name: "Article body" }).click();
    await editor.keyboard.type(BODY);

    const settings = editor.getByRole("complementary", { name: "Article settings" });
    await settings.getByRole("radio", { name: "Reprint", exact: true }).check();
    await settings.getByRole("button", { name: /^Source / }).click();
    await editor.getByRole("combobox", { name: "Search sources" }).fill(SOURCE);
    await editor.keyboard.press("Enter");
    await settings.getByRole("textbox", { name: "Original URL", exact: true }).fill(ORIGINAL_URL);

    await editor.waitForURL(/\/admin\/articles\/[a-z0-9]+$/, { timeout: 15_000 });
    await expect.poll(() => editor.getByTestId("save-status").textContent()).toBe("Saved");

    // Reopen the saved draft: the reprint settings must have been stored.
    await editor.reload();
    expect(await editor.getByRole("textbox", { name: "Title", exact: true }).inputValue()).toBe(TITLE);
    expect(await editor.getByRole("textbox", { name: "Article body" }).textContent()).toBe(BODY);
    expect(await settings.getByRole("radio", { name: "Reprint", exact: true }).isChecked()).toBe(true);
    expect(await settings.getByRole("button", { name: /^Source / }).textContent()).toBe(SOURCE);
    expect(await settings.getByRole("textbox", { name: "Original URL", exact: true }).inputValue()).toBe(
      ORIGINAL_URL,
    );
    // The source's one grant is chosen, the rights check answers before Publish, and the draft
    // holds no address yet but says which it will get.
    const authorization = settings.getByRole("combobox", { name: "Authorization", exact: true });
    expect(await authorization.inputValue()).toBe(authorizationId);
    await expect
      .poll(() => editor.getByTestId("rights-panel").textContent())
      .toMatch(/Clear to publish under Everything the source publishes, from/);
    expect(await settings.getByRole("textbox", { name: "Slug (web address)" }).inputValue()).toBe("");
    expect(await editor.getByTestId("article-address").textContent()).toBe(
      `Address when published: /articles/${SLUG}`,
    );

    await editor.getByRole("button", { name: "Publish now" }).click();
    await expect.poll(() => toastTexts(editor)).toContain("Published.");
    expect(await editor.getByTestId("article-status").textContent()).toBe("Published");
    // Every field as the server has it now, without a reload.
    expect(await settings.getByRole("textbox", { name: "Slug (web address)" }).inputValue()).toBe(SLUG);
    expect(await editor.getByTestId("article-address").textContent()).toBe(`Address: /articles/${SLUG}`);
    expect(await authorization.inputValue()).toBe(authorizationId);
    editorPage = editor;
  });

  it("shows readers the reprint with the attribution the grant asks for", async () => {
    const response = await reader.goto(`${baseUrl}/articles/${SLUG}`);
    expect(response?.status()).toBe(200);
    expect(await reader.locator("h1").textContent()).toBe(TITLE);
    const attribution = reader.getByRole("complementary", { name: "Attribution" });
    const text = await attribution.textContent();
    expect(text).toContain(SOURCE);
    expect(text).toMatch(/reprinted with authorization/i);
    expect(text).toContain(ATTRIBUTION);
    const original = attribution.getByRole("link", { name: ORIGINAL_URL });
    expect(await original.getAttribute("href")).toBe(ORIGINAL_URL);

    // Listed too, so that its absence later means something.
    const listed = await readerListings();
    expect(listed.homeLinks).toBe(1);
    expect(listed.apiSlugs).toContain(SLUG);
    expect(listed.feed).toContain(TITLE);
  });

  it("lets the admin revoke the permission, taking the covered article down", async () => {
    await admin.goto(`${baseUrl}/admin/authorizations/${authorizationId}`);
    expect(await admin.locator("h1").textContent()).toBe(`${SOURCE}: Granted`);
    const revoke = admin.getByRole("form", { name: "Revoke", exact: true });
    expect(await revoke.textContent()).toContain(
      `1 published article will be withdrawn (answering 451): “${TITLE}”.`,
    );
    await revoke.getByLabel("Why it is revoked").fill(REVOCATION_REASON);
    const revokeButton = revoke.getByRole("button", { name: "Revoke" });
    // Revoking asks first, in the desk's dialog: the question, what follows, Cancel focused.
    await revokeButton.click();
    const dialog = confirmation(admin);
    await dialog.waitFor();
    expect(await dialog.getByRole("heading").textContent()).toBe("Revoke this authorization?");
    expect(await dialog.textContent()).toContain(
      `1 published article will be withdrawn (answering 451): “${TITLE}”.`,
    );
    expect(await dialog.textContent()).toContain("This cannot be undone.");
    const focused = () => admin.evaluate(() => document.activeElement?.textContent ?? null);
    expect(await focused()).toBe("Cancel");
    // Escape cancels, and the focus goes back to the Revoke button.
    await admin.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    await expect.poll(focused).toBe("Revoke");
    // Cancel does nothing either.
    await revokeButton.click();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "hidden" });
    await admin.reload();
    expect(await admin.locator("h1").textContent()).toBe(`${SOURCE}: Granted`);
    expect(await revoke.getByLabel("Why it is revoked").inputValue()).toBe("");
    await revoke.getByLabel("Why it is revoked").fill(REVOCATION_REASON);

    await revokeButton.click();
    await confirmWith(admin, "Revoke");
    await expect.poll(() => admin.locator("h1").textContent()).toBe(`${SOURCE}: Revoked`);
    expect(
      await admin
        .getByRole("listitem")
        .filter({ hasText: /^Revoked / })
        .textContent(),
    ).toContain(REVOCATION_REASON);
  });

  it("answers 451 for the article and drops it from the home page, the API and the feed", async () => {
    const response = await reader.goto(`${baseUrl}/articles/${SLUG}`);
    expect(response?.status()).toBe(451);
    expect(await reader.locator("h1").textContent()).toContain("no longer available");
    // Inside the site's frame, and its share card goes with it.
    expect(await reader.getByRole("searchbox", { name: "Search the site" }).count()).toBe(1);
    expect(await reader.locator("footer.site-footer").count()).toBe(1);
    expect((await fetch(`${baseUrl}/articles/${SLUG}/og-image`)).status).toBe(451);

    const listed = await readerListings();
    expect(listed.homeLinks).toBe(0);
    expect(listed.apiSlugs).not.toContain(SLUG);
    expect(listed.feed).not.toContain(TITLE);
    expect(listed.feed).not.toContain(`/articles/${SLUG}`);
  });

  it("tells the editor the reprint is withdrawn, since when and why, and refuses to publish it again", async () => {
    await editorPage.reload();
    expect(await editorPage.getByTestId("article-status").textContent()).toBe("Withdrawn");
    const notice = await editorPage.getByTestId("withdrawn-notice").textContent();
    expect(notice).toMatch(/^Its address answers 451 since \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC: /);
    expect(notice).toContain("revoked permission");
    expect(
      await editorPage
        .getByTestId("withdrawn-notice")
        .getByRole("link", { name: "See the authorization" })
        .getAttribute("href"),
    ).toBe(`/admin/authorizations/${authorizationId}`);

    const settings = editorPage.getByRole("complementary", { name: "Article settings" });
    const linked = settings.getByRole("combobox", { name: "Authorization", exact: true });
    expect(await linked.inputValue()).toBe(authorizationId);
    expect(
      await linked.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent),
    ).toMatch(/\(revoked\)$/);
    await expect
      .poll(() => editorPage.getByTestId("rights-panel").textContent())
      .toContain("Cannot be published yet");
    expect(await editorPage.getByRole("button", { name: "Publish again" }).isDisabled()).toBe(true);
    expect(await editorPage.getByRole("button", { name: "Publish now" }).count()).toBe(0);
  });
});
