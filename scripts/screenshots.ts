// `npm run screenshots [folder]`: starts the built app on a fresh embedded database with the demo
// content, signs in as its admin, and writes a PNG of every public and staff page at a phone's
// width (390 px) and a laptop's (1280 px) into `screenshots/` (git-ignored). Run after
// `npm run build`. Pass page paths after a second `--` to take only those:
// `npm run screenshots -- shots -- /admin/users`.
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { startAppServer } from "../tests/support/app-server";
import { launchBrowser } from "../tests/support/browser";
import { sitePages } from "../tests/support/site-pages";

const ADMIN = { email: "admin@crosscurrent.local", password: "screenshots are worth a look" };
const WIDTHS = [390, 1280] as const;

const args = process.argv.slice(2);
const separator = args.indexOf("--");
const outDir = path.resolve(args[0] && args[0] !== "--" ? args[0] : "screenshots");
const only = separator >= 0 ? args.slice(separator + 1) : [];

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
  const { publicPages, staffPages } = await sitePages(page, server.baseUrl, ADMIN);
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
