// The authorization screens and the dashboard as an admin uses them (issue 15): Grant stays
// disabled, saying why, until evidence is on file, and no stale refusal survives adding it; a
// permission granted before it was recorded is recorded in one form opened from its source's
// page; every dashboard figure opens the list it counts; a grant downloads as an ODRL policy.
import { readFile } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ODRL_CONTEXT, parseAuthorizationPolicy } from "@/lib/rights/authorizations/odrl-policy";
import { launchBrowser } from "../support/browser";
import { signIn } from "../support/staff-session";
import { confirmWith } from "../support/confirm-dialog";

const baseUrl = inject("baseUrl");
const SOURCE = `Lantern Weekly ${Date.now()}`;
const REPLY =
  "From: editor@lantern.example\n\nYes, you may reprint our essays with credit to Lantern Weekly.";

async function detailId(page: Page, section: string): Promise<string> {
  const pattern = new RegExp(`^/admin/${section}/([^/]+)$`);
  await page.waitForURL((url) => pattern.test(url.pathname) && !/\/(new|record)$/.test(url.pathname), {
    timeout: 15_000,
  });
  return pattern.exec(new URL(page.url()).pathname)![1]!;
}

describe("authorization desk", () => {
  let browser: Browser;
  let admin: Page;
  let sourceId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await (await browser.newContext()).newPage();
    await signIn(admin, baseUrl, inject("adminEmail"), inject("adminPassword"), "/admin/sources/new");
    const form = admin.locator("form").filter({ has: admin.getByRole("button", { name: "Add source" }) });
    await form.getByLabel("Name", { exact: true }).fill(SOURCE);
    await form.getByLabel("Kind").selectOption({ label: "Website" });
    await form.getByLabel("Web address").fill("https://lantern.example/");
    await form.getByRole("button", { name: "Add source" }).click();
    sourceId = await detailId(admin, "sources");
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("keeps Grant disabled with the reason until evidence exists, then grants with no stale message", async () => {
    await admin.goto(`${baseUrl}/admin/authorizations/new?source=${sourceId}`);
    const request = admin.getByRole("form", { name: "Record a request", exact: true });
    await request.getByLabel("Attribution text").fill("Reprinted by permission of Lantern Weekly.");
    await request.getByRole("button", { name: "Record request" }).click();
    await detailId(admin, "authorizations");

    const grant = admin.getByRole("form", { name: "Grant", exact: true });
    const grantButton = grant.getByRole("button", { name: "Grant" });
    expect(await grantButton.isDisabled()).toBe(true);
    expect(await grant.textContent()).toContain("Add the grantor's reply as evidence first");
    // The reason is the button's description, for screen readers too.
    const describedBy = await grantButton.getAttribute("aria-describedby");
    expect(await admin.locator(`[id="${describedBy}"]`).textContent()).toContain("as evidence first");

    const evidence = admin.getByRole("form", { name: "Add evidence", exact: true });
    await evidence.getByLabel("Address (http or https)").fill("https://lantern.example/permission");
    await evidence.getByRole("button", { name: "Add evidence" }).click();
    await expect.poll(() => grantButton.isDisabled(), { timeout: 10_000 }).toBe(false);
    expect(await grant.textContent()).not.toContain("as evidence first");
    expect(await grant.locator(".form-error, .field-error").count()).toBe(0);

    await grantButton.click();
    await confirmWith(admin, "Grant");
    await expect.poll(() => admin.locator("h1").textContent()).toBe(`${SOURCE}: Granted`);
  });

  it("downloads the granted authorization as an ODRL policy from its page, with its terms", async () => {
    const id = await detailId(admin, "authorizations");
    const [download] = await Promise.all([
      admin.waitForEvent("download"),
      admin.getByRole("link", { name: "Download ODRL policy" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`authorization-${id}-policy.jsonld`);
    const policy: unknown = JSON.parse(await readFile((await download.path())!, "utf8"));
    expect(policy).toMatchObject({ "@context": ODRL_CONTEXT, "@type": "Agreement" });
    expect((policy as { uid: string }).uid).toMatch(
      new RegExp(`/admin/authorizations/${id}/policy\\.jsonld$`),
    );
    const parsed = parseAuthorizationPolicy(policy);
    expect(parsed).toMatchObject({
      ok: true,
      terms: {
        scope: "WHOLE_SOURCE",
        attributionRequired: true,
        attributionText: "Reprinted by permission of Lantern Weekly.",
      },
    });
    const unknown = await admin.request.get(`${baseUrl}/admin/authorizations/no-such-id/policy.jsonld`);
    expect(unknown.status()).toBe(404);
  });

  it("records a permission granted by email, with its evidence, in one form opened from the source's page", async () => {
    await admin.goto(`${baseUrl}/admin/sources/${sourceId}`);
    await admin.getByRole("link", { name: "Record an authorization", exact: true }).click();
    await admin.waitForURL((url) => url.pathname === "/admin/authorizations/record");
    const form = admin.getByRole("form", { name: "Record an authorization already granted" });
    expect(await form.getByLabel("Source (the rights holder)").inputValue()).toBe(sourceId);

    await form.getByLabel("Granted on").fill("2021-05-03");
    await form.getByLabel("Attribution text").fill("From Lantern Weekly, by permission.");
    await form.getByRole("textbox", { name: /^The grantor's reply \(/ }).fill(REPLY);
    await form.getByRole("button", { name: "Record authorization" }).click();
    await detailId(admin, "authorizations");
    await expect.poll(() => admin.locator("h1").textContent()).toBe(`${SOURCE}: Granted`);
    expect(await admin.getByRole("row").filter({ hasText: "grantors-reply.txt" }).count()).toBe(1);
    expect(await admin.locator("ol.history").textContent()).toContain("recorded granted");
  });

  it("links every dashboard figure to the list it counts", async () => {
    await admin.goto(`${baseUrl}/admin`);
    const main = admin.locator("main");
    const tiles = main.locator("ul.tiles > li");
    const tileCount = await tiles.count();
    expect(tileCount).toBe(5);
    for (let i = 0; i < tileCount; i++) expect(await tiles.nth(i).getByRole("link").count()).toBe(1);

    const lapsed = tiles.filter({ hasText: "lapsed or revoked" });
    const figure = Number(await lapsed.locator("strong").textContent());
    await lapsed.getByRole("link").click();
    await admin.waitForURL((url) => url.pathname === "/admin/authorizations");
    expect(new URL(admin.url()).searchParams.get("lapsedWithArticles")).toBe("1");
    expect(await admin.getByRole("checkbox", { name: "Lapsed or revoked, with articles" }).isChecked()).toBe(
      true,
    );
    expect(await admin.locator("[data-testid^='authorization-']").count()).toBe(figure);
  });
});
