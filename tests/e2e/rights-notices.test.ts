// Notice and takedown against the real build: a rights holder's incomplete notice is refused
// naming what is missing; a complete one gets a case number; the admin opens the case from the
// queue and clicks "Withdraw now", and within a second the article's URL answers 451 with a
// blocked-by link to the public case page, on this instance and on a second one sharing the
// database, and it is gone from the home page, feed, sitemap, search and the content API.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startAppServer, type AppServer } from "../support/app-server";
import { launchBrowser } from "../support/browser";
import { callServerAction, serverActionId, signInOverHttp } from "../support/server-actions";
import { signIn } from "../support/staff-session";
import { confirmWith } from "../support/confirm-dialog";

const baseUrl = inject("baseUrl");
const databaseUrl = inject("databaseUrl");
const ACTIONS_FILE = "app/(admin)/admin/articles/actions.ts";
const WORD = `takedownword${Date.now().toString(36)}`;
const TITLE = `Notice target ${WORD}`;

function paragraph(text: string) {
  return { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] };
}

function postNotice(fields: Record<string, unknown>) {
  return fetch(`${baseUrl}/api/rights/notices`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: baseUrl, "X-Forwarded-For": "192.0.2.41" },
    body: JSON.stringify(fields),
  });
}

/** What a reader finds of the article away from its own page. */
async function listings(slug: string) {
  const text = async (path: string) => (await fetch(`${baseUrl}${path}`)).text();
  return {
    home: (await text("/")).includes(TITLE),
    feed: (await text("/feed.xml")).includes(TITLE),
    sitemap: (await text("/sitemap.xml")).includes(slug),
    search: (await text(`/search?q=${WORD}`)).includes(`/articles/${slug}"`),
    api: (await text("/api/v1/articles?limit=100")).includes(slug),
  };
}

describe("notice and takedown", () => {
  let browser: Browser;
  let admin: Page;
  let slug: string;
  let caseNumber: string;
  let second: AppServer;
  let secondDataDir: string;

  beforeAll(async () => {
    if (!databaseUrl) throw new Error("These tests need PostgreSQL: set TEST_DATABASE_URL.");
    secondDataDir = await mkdtemp(path.join(tmpdir(), "crosscurrent-notices-"));
    // Behind one load balancer, both instances serve one public origin.
    second = await startAppServer({
      SITE_URL: baseUrl,
      DATABASE_URL: databaseUrl,
      DATA_DIR: secondDataDir,
      AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
      TRUSTED_PROXY: "127.0.0.1",
    });
    // A published piece of our own, made through the desk's actions.
    const cookie = await signInOverHttp(baseUrl, inject("adminEmail"), inject("adminPassword"));
    const created = await callServerAction<{ ok: boolean; data: { id: string; version: number } }>(
      baseUrl,
      "/admin/articles/new",
      await serverActionId(ACTIONS_FILE, "createArticle"),
      [{ title: TITLE, body: paragraph(`A piece a rights holder complains about: ${WORD}.`) }],
      { cookie },
    );
    expect(created.result?.ok, created.body.slice(0, 300)).toBe(true);
    const { id, version } = created.result!.data;
    const published = await callServerAction<{ ok: boolean; data: { server: { slug: string } } }>(
      baseUrl,
      `/admin/articles/${id}`,
      await serverActionId(ACTIONS_FILE, "publishArticle"),
      [{ id, version }],
      { cookie },
    );
    expect(published.result?.ok, published.body.slice(0, 300)).toBe(true);
    slug = published.result!.data.server.slug;

    browser = await launchBrowser();
    admin = await (await browser.newContext()).newPage();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await second?.stop();
    if (secondDataDir) await rm(secondDataDir, { recursive: true, force: true });
  });

  it("refuses an incomplete notice naming what is missing, and gives a complete one a case number", async () => {
    const incomplete = await postNotice({ claimantName: "Li Ming", contactEmail: "rights@claimant.example" });
    expect(incomplete.status).toBe(400);
    const { error } = (await incomplete.json()) as { error: { message: string } };
    expect(error.message).toContain("missing 5 of the 6 elements");
    expect(error.message).toContain("your signature");

    const response = await postNotice({
      claimantName: "Li Ming",
      organisation: "Bu Yidao Media",
      contactEmail: "rights@claimant.example",
      workTitle: "东京的选择",
      workUrl: "https://mp.weixin.qq.com/s/AbCdEf123",
      articleUrls: [`${baseUrl}/articles/${encodeURIComponent(slug)}`],
      goodFaith: true,
      accuracy: true,
      signature: "Li Ming",
    });
    expect(response.status).toBe(201);
    caseNumber = ((await response.json()) as { data: { caseNumber: string } }).data.caseNumber;
    expect(caseNumber).toMatch(/^TN-\d{4}-\d{4,}$/);
  });

  it("Withdraw now: within a second the URL answers 451 with the blocked-by link, and the piece is gone everywhere", async () => {
    const articleUrl = `${baseUrl}/articles/${encodeURIComponent(slug)}`;
    const elsewhereUrl = `${second.baseUrl}/articles/${encodeURIComponent(slug)}`;
    // Read on both instances first, so each holds the page in its caches.
    expect((await fetch(articleUrl)).status).toBe(200);
    expect((await fetch(elsewhereUrl)).status).toBe(200);
    expect(await listings(slug)).toEqual({ home: true, feed: true, sitemap: true, search: true, api: true });

    await signIn(admin, baseUrl, inject("adminEmail"), inject("adminPassword"), "/admin/rights/notices");
    await admin.getByRole("link", { name: caseNumber, exact: true }).click();
    await admin.getByRole("heading", { name: `Takedown notice ${caseNumber}` }).waitFor();
    await admin.getByRole("button", { name: "Withdraw now" }).click();
    await confirmWith(admin, "Withdraw now");
    await admin
      .getByTestId("toast")
      .filter({ hasText: /Notice upheld\. 1 article was withdrawn/ })
      .waitFor({ timeout: 10_000 });

    // From the moment the desk says it is done, a reader's next requests must see it.
    const done = performance.now();
    const withinASecond = async (url: string) => {
      let answer = await fetch(url);
      while (answer.status !== 451 && performance.now() - done < 1000) answer = await fetch(url);
      return answer;
    };
    const [answer, elsewhere] = await Promise.all([withinASecond(articleUrl), withinASecond(elsewhereUrl)]);
    expect(answer.status, "the article URL within 1 s of Withdraw now").toBe(451);
    expect(elsewhere.status, "the same URL on the second instance within 1 s").toBe(451);
    const blockedBy = `<${baseUrl}/rights/notices/${caseNumber}>; rel="blocked-by"`;
    expect(answer.headers.get("link")).toBe(blockedBy);
    expect(elsewhere.headers.get("link")).toBe(blockedBy);
    const page = await answer.text();
    expect(page).toContain(caseNumber);
    expect(page).not.toContain("rights@claimant.example");

    const api = await fetch(`${baseUrl}/api/v1/articles/${encodeURIComponent(slug)}`);
    expect(api.status).toBe(451);
    expect(api.headers.get("link")).toBe(blockedBy);
    expect(await listings(slug)).toEqual({
      home: false,
      feed: false,
      sitemap: false,
      search: false,
      api: false,
    });

    const casePage = await fetch(`${baseUrl}/rights/notices/${caseNumber}`);
    expect(casePage.status).toBe(200);
    const caseText = await casePage.text();
    expect(caseText).toContain(TITLE);
    expect(caseText).not.toMatch(/rights@claimant\.example|Bu Yidao Media/);
  });
});
