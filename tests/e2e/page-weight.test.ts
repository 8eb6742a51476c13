// The public article page's own JavaScript stays small: at most 30 KB (gzip) beyond what an empty
// page of the site (its not-found page, in the same frame) already ships. `npm run bench` prints
// the same two figures (tests/support/page-scripts.ts).
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "../support/browser";
import { pageScripts } from "../support/page-scripts";

const baseUrl = inject("baseUrl");
const SEED_PATH =
  "/articles/today-there-is-a-special-background-for-high-level-calls-between-china-and-japan";
const BUDGET_BYTES = 30 * 1024;

describe("the article page's JavaScript", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("stays within 30 KB gzip of an empty page's", async () => {
    const article = await pageScripts(browser, baseUrl + SEED_PATH);
    const empty = await pageScripts(browser, `${baseUrl}/page-weight-empty-${Date.now()}`);
    const extra = article.gzip - empty.gzip;
    console.log(
      `article page ${(article.gzip / 1024).toFixed(1)} KB in ${article.files} files, ` +
        `empty page ${(empty.gzip / 1024).toFixed(1)} KB in ${empty.files} files: ` +
        `${(extra / 1024).toFixed(1)} KB more`,
    );
    expect(empty.files, "the empty page loads the site's scripts").toBeGreaterThan(0);
    expect(extra).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});
