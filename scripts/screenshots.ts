// `npm run screenshots [folder]`: starts the built app on a fresh embedded database with the demo
// content, signs in as its admin, and writes a PNG of every public and staff page at a phone's
// width (390 px) and a laptop's (1280 px) into `screenshots/` (git-ignored). Run after
// `npm run build`. Pass page paths after `--` to take only those.
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { startAppServer } from "../tests/support/app-server";
import { launchBrowser } from "../tests/support/browser";
import { signIn } from "../tests/support/staff-session";

const ADMIN = { email: "admin@crosscurrent.local", password: "screenshots are worth a look" };
const WIDTHS = [390, 1280] as const;

const args = process.argv.slice(2);
const separator = args.indexOf("--");
const outDir = path.resolve(args[0] && args[0] !== "--" ? args[0] : "screenshots");
const only = separator >= 0 ? args.slice(separator + 1) : [];

/** The first link on `listPath` whose href matches `pattern`: how an id or slug is found. */
async function firstHref(
  page: Page,
  baseUrl: string,
  listPath: string,
  pattern: RegExp,
): Promise<string | null> {
  await page.goto(baseUrl + listPath);
  const hrefs = await page
    .locator("a[href]")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  return hrefs.find((href): href is string => href !== null && pattern.test(href)) ?? null;
}

async function pagesToShoot(page: Page, baseUrl: string) {
  const article = await firstHref(page, baseUrl, "/", /^\/articles\/[^/]+$/);
  const tag = await firstHref(page, baseUrl, article ?? "/", /^\/tags\/[^/]+$/);
  const source = await firstHref(page, baseUrl, article ?? "/", /^\/sources\/[^/]+$/);
  const author = await firstHref(page, baseUrl, article ?? "/", /^\/authors\/[^/]+$/);
  const publicPages = ["/", article, tag, source, author, "/search?q=Taiwan", "/no-such-page"];
  await signIn(page, baseUrl, ADMIN.email, ADMIN.password);
  const editor = await firstHref(page, baseUrl, "/admin/articles", /^\/admin\/articles\/c[^/]+$/);
  const authorization = await firstHref(
    page,
    baseUrl,
    "/admin/authorizations",
    /^\/admin\/authorizations\/c/,
  );
  const sourceAdmin = await firstHref(page, baseUrl, "/admin/sources", /^\/admin\/sources\/c/);
  const staffPages = [
    "/admin",
    "/admin/articles",
    "/admin/articles/new",
    "/admin/articles/import",
    editor,
    editor && `${editor}/revisions`,
    editor && `${editor}/preview`,
    "/admin/media",
    "/admin/tags",
    "/admin/people",
    "/admin/sources",
    sourceAdmin,
    "/admin/authorizations",
    "/admin/authorizations/new",
    authorization,
    "/admin/comments",
    "/admin/users",
    "/admin/settings",
    "/admin/audit",
    "/admin/account",
  ];
  return {
    publicPages: publicPages.filter(Boolean) as string[],
    staffPages: staffPages.filter(Boolean) as string[],
  };
}

function fileName(pagePath: string, width: number): string {
  const name =
    pagePath
      .replace(/^\//, "")
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-|-$/g, "") || "home";
  return `${name.slice(0, 80)}-${width}.png`;
}

const dataDir = await mkdtemp(path.join(tmpdir(), "crosscurrent-screenshots-"));
const server = await startAppServer({
  DATABASE_URL: undefined,
  DATA_DIR: dataDir,
  AUTH_SECRET: "screenshots-secret-screenshots-secret-0123",
  SEED_ADMIN_EMAIL: ADMIN.email,
  SEED_ADMIN_PASSWORD: ADMIN.password,
});
const browser = await launchBrowser();
try {
  await mkdir(outDir, { recursive: true });
  const context = await browser.newContext();
  const page = await context.newPage();
  const { publicPages, staffPages } = await pagesToShoot(page, server.baseUrl);
  const anonymous = await browser.newContext();
  const plan = [
    ...publicPages.map((pagePath) => ({ pagePath, as: anonymous })),
    ...staffPages.map((pagePath) => ({ pagePath, as: context })),
  ].filter(({ pagePath }) => only.length === 0 || only.includes(pagePath));
  for (const { pagePath, as } of plan) {
    for (const width of WIDTHS) {
      const tab = await as.newPage();
      await tab.setViewportSize({ width, height: 900 });
      await tab.goto(server.baseUrl + pagePath, { waitUntil: "load" });
      const file = path.join(outDir, fileName(pagePath, width));
      await tab.screenshot({ path: file, fullPage: true });
      await tab.close();
      console.log(path.relative(process.cwd(), file));
    }
  }
} finally {
  await browser.close();
  await server.stop();
  await rm(dataDir, { recursive: true, force: true });
}
