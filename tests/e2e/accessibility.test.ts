// axe-core on the pages most readers see: no serious or critical violations.
import type { AxeResults, Result } from "axe-core";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "../support/browser";

const baseUrl = inject("baseUrl");
const SEED_PATH =
  "/articles/today-there-is-a-special-background-for-high-level-calls-between-china-and-japan";

async function axeSource(): Promise<string> {
  const axe = (await import("axe-core")) as { source?: string; default?: { source: string } };
  return axe.source ?? axe.default!.source;
}

function describeViolation(violation: Result): string {
  const nodes = violation.nodes
    .slice(0, 5)
    .map(
      (node) =>
        `    ${node.target.join(" ")}\n      ${(node.failureSummary ?? "").replace(/\n/g, "\n      ")}`,
    )
    .join("\n");
  return `[${violation.impact}] ${violation.id}: ${violation.help} (${violation.nodes.length} node(s))\n  ${violation.helpUrl}\n${nodes}`;
}

describe("accessibility", () => {
  let browser: Browser;
  let page: Page;
  let source: string;

  beforeAll(async () => {
    source = await axeSource();
    browser = await launchBrowser();
    // A stricter Content-Security-Policy later must not stop the checker from loading.
    page = await (await browser.newContext({ bypassCSP: true })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    ["the home page", "/"],
    ["the seed article", SEED_PATH],
    ["search results", "/search?q=Kishida"],
  ])("%s has no serious or critical axe violations", async (_name, path) => {
    const response = await page.goto(`${baseUrl}${path}`, { waitUntil: "networkidle" });
    expect(response?.status()).toBe(200);
    await page.addScriptTag({ content: source });
    const results = await page.evaluate(() =>
      (window as unknown as { axe: { run(): Promise<AxeResults> } }).axe.run(),
    );
    const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    if (blocking.length) console.log(`axe on ${path}:\n${blocking.map(describeViolation).join("\n")}`);
    expect(blocking.map((v) => `${v.impact} ${v.id}: ${v.help}`)).toEqual([]);
  });
});
