// The JavaScript a page ships: every script the browser loads for it, gzipped as a CDN would send
// it. The page-weight test and `npm run bench` (scripts/bench/site.ts) measure with it.
import { gzipSync } from "node:zlib";
import type { Browser } from "playwright-core";

export interface PageScripts {
  files: number;
  /** Bytes, gzipped file by file. */
  gzip: number;
}

/** Opens `url` in a fresh context of `browser` and sums the scripts it loads once the network is idle. */
export async function pageScripts(browser: Browser, url: string): Promise<PageScripts> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const sizes = new Map<string, number>();
    const pending: Promise<void>[] = [];
    page.on("response", (response) => {
      if (response.request().resourceType() !== "script") return;
      pending.push(
        response
          .body()
          .then((body) => void sizes.set(response.url(), gzipSync(body).length))
          .catch(() => {}),
      );
    });
    await page.goto(url, { waitUntil: "networkidle" });
    await Promise.all(pending);
    return { files: sizes.size, gzip: [...sizes.values()].reduce((a, b) => a + b, 0) };
  } finally {
    await context.close();
  }
}
