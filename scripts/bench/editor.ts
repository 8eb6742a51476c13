// npm run bench:editor — typing latency in the article editor with the seed article loaded,
// and the JavaScript the editor page ships. Runs the production build (npm run build first).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { startAppServer } from "../../tests/support/app-server";
import { launchBrowser } from "../../tests/support/browser";
import { signIn } from "../../tests/support/staff-session";

const ADMIN = { email: "bench@crosscurrent.test", password: "bench password, long enough" };
const KEYSTROKES = 200;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const dataDir = await mkdtemp(path.join(tmpdir(), "crosscurrent-bench-"));
const server = await startAppServer({
  DATABASE_URL: undefined,
  DATA_DIR: dataDir,
  AUTH_SECRET: "bench-secret-bench-secret-bench-secret-bench",
  SEED_ADMIN_EMAIL: ADMIN.email,
  SEED_ADMIN_PASSWORD: ADMIN.password,
});
const browser = await launchBrowser();
try {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, server.baseUrl, ADMIN.email, ADMIN.password);
  await page.goto(`${server.baseUrl}/admin/articles`);
  const editorPath = await page.getByRole("link", { name: /special background/ }).getAttribute("href");

  const scripts = new Map<string, number>();
  page.on("response", async (response) => {
    if (response.request().resourceType() !== "script") return;
    const body = await response.body().catch(() => null);
    if (body) scripts.set(response.url(), gzipSync(body).length);
  });
  await page.goto(`${server.baseUrl}${editorPath}`, { waitUntil: "networkidle" });
  const editor = page.getByRole("textbox", { name: "Article body" });
  await editor.waitFor();
  const words = await page.getByTestId("word-count").textContent();

  // Keydown → the frame after the editor updated: what a person feels as typing lag.
  await page.evaluate(() => {
    const w = window as unknown as { latencies: number[] };
    w.latencies = [];
    document.addEventListener(
      "keydown",
      () => {
        const start = performance.now();
        requestAnimationFrame(() => setTimeout(() => w.latencies.push(performance.now() - start), 0));
      },
      true,
    );
  });
  await editor.click();
  await page.keyboard.press("End");
  for (let i = 0; i < KEYSTROKES; i++) await page.keyboard.type(i % 8 === 7 ? " " : "x");
  await page.waitForTimeout(500);
  const latencies = await page.evaluate(() => (window as unknown as { latencies: number[] }).latencies);

  const totalKb = [...scripts.values()].reduce((a, b) => a + b, 0) / 1024;
  console.log(`Seed article in the editor: ${words}`);
  console.log(
    `Typing latency over ${latencies.length} keystrokes: median ${percentile(latencies, 50).toFixed(1)} ms, ` +
      `p95 ${percentile(latencies, 95).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms`,
  );
  console.log(`Editor page JavaScript: ${scripts.size} files, ${totalKb.toFixed(1)} KB gzip`);
} finally {
  await browser.close();
  await server.stop();
  await rm(dataDir, { recursive: true, force: true });
}
