// Moderating from the keyboard in Chromium: j selects the first pending comment, a approves it;
// the database has it approved, the queue drops it without a reload and focus moves on.
// The test runs its own app on a database it can reach, so it can write comments straight in.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/platform/auth/password";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/platform/database/embedded";
import { createPrismaClient, type Db } from "@/lib/platform/db";
import { startAppServer, type AppServer } from "../support/app-server";
import { launchBrowser } from "../support/browser";
import { E2E_ADMIN } from "../support/e2e-global-setup";
import { adminQuery } from "../support/int-global-setup";
import { signIn } from "../support/staff-session";
import { testServerUrl, withDatabase } from "../support/test-database-url";

describe("the comment moderation queue", () => {
  let server: AppServer;
  let prisma: Db;
  let browser: Browser;
  let embedded: EmbeddedDatabase | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  let dataDir: string | undefined;

  beforeAll(async () => {
    const serverUrl = testServerUrl();
    let databaseUrl: string;
    if (serverUrl) {
      const name = `crosscurrent_e2e_moderation_${randomBytes(4).toString("hex")}`;
      await adminQuery(serverUrl, `create database ${name}`);
      dropDatabase = () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
      databaseUrl = withDatabase(serverUrl, name);
    } else {
      embedded = await startEmbeddedDatabase({ dataDir: null });
      databaseUrl = embedded.url;
    }
    dataDir = await mkdtemp(path.join(tmpdir(), "crosscurrent-e2e-moderation-"));
    server = await startAppServer({
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      AUTH_SECRET: "e2e-moderation-secret-e2e-moderation-secret",
      SEED_ADMIN_EMAIL: E2E_ADMIN.email,
      SEED_ADMIN_PASSWORD: E2E_ADMIN.password,
    });
    prisma = createPrismaClient(databaseUrl, 2);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await prisma?.$disconnect();
    await server?.stop();
    await dropDatabase?.();
    await embedded?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  async function pendingComment(articleId: string, name: string, minutesAgo: number) {
    return prisma.comment.create({
      data: {
        articleId,
        authorName: name,
        authorEmail: `${name.toLowerCase().replace(/\W+/g, ".")}@example.com`,
        body: `${name} thinks the talks will go nowhere.`,
        status: "PENDING",
        holdReasons: ["FIRST_TIME"],
        createdAt: new Date(Date.now() - minutesAgo * 60_000),
      },
      select: { id: true },
    });
  }

  const focusedCommentId = (page: Page) =>
    page.evaluate(() => document.activeElement?.getAttribute("data-comment-id") ?? null);

  it("approves the selected comment with j then a, and moves on to the next", async () => {
    const article = await prisma.article.findFirstOrThrow({
      where: { status: "PUBLISHED" },
      select: { id: true, title: true },
    });
    // Newest first: j selects "Newer Reader".
    const newer = await pendingComment(article.id, "Newer Reader", 1);
    const older = await pendingComment(article.id, "Older Reader", 5);

    const page = await (await browser.newContext()).newPage();
    await signIn(page, server.baseUrl, E2E_ADMIN.email, E2E_ADMIN.password, "/admin/comments");
    await page.waitForLoadState("networkidle");
    const rowOf = (id: string) => page.locator(`article[data-comment-id="${id}"]`);
    const queues = page.getByRole("navigation", { name: "Comment queues" });
    await expect.poll(() => queues.getByRole("link", { name: "Pending (2)" }).count()).toBe(1);
    await expect.poll(() => rowOf(newer.id).textContent()).toContain(article.title);
    await page.evaluate(() => ((window as unknown as { notReloaded?: boolean }).notReloaded = true));

    // Letters typed into a field are text, not shortcuts.
    const note = page.getByLabel("Note (optional)");
    await note.fill("ads");
    await note.press("a");
    await note.fill("");
    await note.blur();
    expect((await prisma.comment.findUniqueOrThrow({ where: { id: newer.id } })).status).toBe("PENDING");

    await page.keyboard.press("j");
    await expect.poll(() => rowOf(newer.id).getAttribute("aria-current")).toBe("true");
    expect(await focusedCommentId(page)).toBe(newer.id);
    await page.keyboard.press("a");

    await expect
      .poll(async () => (await prisma.comment.findUniqueOrThrow({ where: { id: newer.id } })).status)
      .toBe("APPROVED");
    await expect.poll(() => rowOf(newer.id).count()).toBe(0);
    await expect.poll(() => queues.getByRole("link", { name: "Pending (1)" }).count()).toBe(1);
    await expect.poll(() => focusedCommentId(page)).toBe(older.id);
    expect(await rowOf(older.id).getAttribute("aria-current")).toBe("true");
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(
      true,
    );

    const admin = await prisma.user.findUniqueOrThrow({ where: { email: E2E_ADMIN.email } });
    const log = await prisma.commentModeration.findMany({
      where: { commentId: newer.id, actorId: admin.id },
    });
    expect(log).toMatchObject([{ action: "approved", fromStatus: "PENDING", toStatus: "APPROVED" }]);
    expect((await prisma.comment.findUniqueOrThrow({ where: { id: older.id } })).status).toBe("PENDING");

    // The decision is in the moderation log, under the admin's name.
    await page.goto(`${server.baseUrl}/admin/comments/log?action=approved`);
    const row = page.locator("tbody tr").filter({ hasText: "Newer Reader" });
    expect(await row.textContent()).toMatch(/Approved.*Pending → Approved/);
    expect(await row.textContent()).toContain(admin.name);
  });

  it("shows a reported comment's reports with each reporter's history, and that readers still see it", async () => {
    const article = await prisma.article.findFirstOrThrow({
      where: { status: "PUBLISHED" },
      select: { id: true },
    });
    const comment = await prisma.comment.create({
      data: {
        articleId: article.id,
        authorName: "Outspoken Reader",
        authorEmail: "outspoken.reader@example.com",
        body: "An unpopular view of the talks.",
        status: "APPROVED",
        reportCount: 2,
      },
      select: { id: true },
    });
    // One reporter with a record (one report upheld, one dismissed before), one newcomer.
    const regular = `email:${randomBytes(8).toString("hex")}`;
    const report = (commentId: string, reporterKey: string, extra: object = {}) =>
      prisma.commentReport.create({
        data: {
          commentId,
          reporterKey,
          reason: "abuse",
          addressHash: randomBytes(8).toString("hex"),
          networkHash: randomBytes(8).toString("hex"),
          ...extra,
        },
      });
    const earlier = await pendingComment(article.id, "Earlier Target", 30);
    const another = await pendingComment(article.id, "Another Target", 40);
    await report(earlier.id, regular, { outcome: "UPHELD", reporterEmailHash: regular.slice(6) });
    await report(another.id, regular, { outcome: "DISMISSED", reporterEmailHash: regular.slice(6) });
    await report(comment.id, regular, { reporterEmailHash: regular.slice(6), reason: "spam" });
    await report(comment.id, randomBytes(8).toString("hex"), { reason: "off-topic" });

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, server.baseUrl, E2E_ADMIN.email, E2E_ADMIN.password, "/admin/comments");
    await page.goto(`${server.baseUrl}/admin/comments?queue=REPORTED`);
    const row = page.locator(`article[data-comment-id="${comment.id}"]`);
    await expect.poll(() => row.textContent()).toContain("Reported 2 time(s)");
    const text = (await row.textContent()) ?? "";
    expect(text).toContain("still shown to readers");
    expect(text).toMatch(
      /Spam — Saved commenter \(new reader\), .*This reporter: 3 report\(s\), 1 upheld, 1 dismissed, 1 open/,
    );
    expect(text).toMatch(
      /Off-topic — Anonymous reader, .*This reporter: 1 report\(s\), 0 upheld, 0 dismissed/,
    );
    expect(await row.getByRole("button", { name: "Keep and dismiss reports" }).count()).toBe(1);
    if (process.env.SCREENSHOT_DIR) {
      await row.screenshot({ path: path.join(process.env.SCREENSHOT_DIR, "reported-1280.png") });
      await page.setViewportSize({ width: 390, height: 900 });
      await row.screenshot({ path: path.join(process.env.SCREENSHOT_DIR, "reported-390.png") });
    }
  });

  it("refuses writers the queue (403) and leaves it out of their menu", async () => {
    const writer = {
      email: `writer-${randomBytes(3).toString("hex")}@crosscurrent.test`,
      password: "a writer's long password",
    };
    await prisma.user.create({
      data: {
        email: writer.email,
        name: "Wanda Writer",
        role: "WRITER",
        mustChangePassword: false,
        passwordHash: await hashPassword(writer.password),
      },
    });
    const page = await (await browser.newContext()).newPage();
    await signIn(page, server.baseUrl, writer.email, writer.password);
    expect(await page.getByRole("navigation", { name: "Admin" }).textContent()).not.toContain("Comments");
    for (const path of ["/admin/comments", "/admin/comments/log"]) {
      const response = await page.goto(`${server.baseUrl}${path}`);
      expect(response?.status(), path).toBe(403);
    }
  });
});
