// Paste-import of the seed page as an editor meets it (issue 15, finding 11): a summary before
// the draft, the one covering authorization chosen, "Translated" ticked for an English text
// from a WeChat account, the original's day kept, and the copy already published linked before
// any draft is made.
import { readFile } from "node:fs/promises";
import pg from "pg";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "../support/browser";
import { signIn } from "../support/staff-session";

const baseUrl = inject("baseUrl");
const databaseUrl = inject("databaseUrl");
const FIXTURE = "prisma/seed-data/reprint-china-japan-taiwan.txt";
const TITLE = "Today, there is a special background for high-level calls between China and Japan!";

describe("paste-import of a reprint", () => {
  let browser: Browser;
  let page: Page;
  let db: pg.Client;

  beforeAll(async () => {
    if (!databaseUrl) throw new Error("These tests need PostgreSQL: set TEST_DATABASE_URL.");
    db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    browser = await launchBrowser();
    page = await (await browser.newContext()).newPage();
    await signIn(page, baseUrl, inject("adminEmail"), inject("adminPassword"), "/admin/articles/import");
  });
  afterAll(async () => {
    await browser?.close();
    await db?.end();
  });

  it("summarises the paste, warns of the published copy and makes the draft with what was confirmed", async () => {
    const seeded = await db.query<{ id: string; authorizationId: string }>(
      `select id, "authorizationId" from "Article" where title = $1 and status = 'PUBLISHED'`,
      [TITLE],
    );
    expect(seeded.rows).toHaveLength(1);
    const published = seeded.rows[0]!;
    const before = Number((await db.query(`select count(*) from "Article"`)).rows[0].count);

    await page.getByLabel("Pasted text or HTML").fill(await readFile(FIXTURE, "utf8"));
    await page.getByRole("button", { name: "Check the import" }).click();
    const summary = page.getByRole("region", { name: "What was found" });
    await summary.waitFor();

    const warning = summary.getByRole("alert");
    expect(await warning.textContent()).toContain("The desk may already have this piece");
    expect(await warning.getByRole("link", { name: TITLE }).getAttribute("href")).toBe(
      `/admin/articles/${published.id}`,
    );
    const facts = await summary.locator("dl").textContent();
    expect(facts).toContain("Tiger knife, Sister Daodao");
    expect(facts).toContain("Bu Yidao");
    expect(facts).toContain("English (en)");
    expect(await summary.getByRole("checkbox", { name: "Translated" }).isChecked()).toBe(true);
    expect(await summary.getByLabel("Language of the original").inputValue()).toBe("zh-Hans");
    expect(await summary.getByLabel("Authorization").inputValue()).toBe(published.authorizationId);
    const date = summary.getByLabel("Originally published on");
    expect(await date.inputValue()).toBe("");
    expect(await summary.textContent()).toContain("Not found in the text");
    // Nothing is written before the editor confirms.
    expect(Number((await db.query(`select count(*) from "Article"`)).rows[0].count)).toBe(before);

    await date.fill("2022-07-08");
    await page.getByRole("button", { name: "Make a draft anyway" }).click();
    await page.waitForURL(
      (url) => /^\/admin\/articles\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith("/import"),
    );
    const id = new URL(page.url()).pathname.split("/").at(-1)!;
    const draft = await db.query(
      `select "authorizationId", "isTranslation", "originalLanguage", "originalPublishedAt"::text as day, status
         from "Article" where id = $1`,
      [id],
    );
    expect(draft.rows[0]).toEqual({
      authorizationId: published.authorizationId,
      isTranslation: true,
      originalLanguage: "zh-Hans",
      day: "2022-07-08",
      status: "DRAFT",
    });
  });
});
