// Every public and staff page, at a phone's width and a laptop's: nothing wider than the screen,
// nothing drawn outside it (tables may scroll inside themselves), and no serious or critical
// axe-core violation.
import type { AxeResults } from "axe-core";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "../support/browser";
import { sitePages, type SitePages } from "../support/site-pages";

const baseUrl = inject("baseUrl");
const WIDTHS = [390, 1280] as const;

async function axeSource(): Promise<string> {
  const axe = (await import("axe-core")) as { source?: string; default?: { source: string } };
  return axe.source ?? axe.default!.source;
}

/** Runs in the page: what sticks out of the viewport, outermost elements only. */
function overflowProblems(): string[] {
  const viewport = window.innerWidth;
  const problems: string[] = [];
  const { scrollWidth } = document.documentElement;
  if (scrollWidth > viewport) problems.push(`the page is ${scrollWidth} px wide`);
  const inside = (rect: DOMRect) => rect.left >= -0.5 && rect.right <= viewport + 0.5;
  const reported: Element[] = [];
  for (const element of Array.from(document.body.querySelectorAll("*"))) {
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0 || inside(rect)) continue;
    const style = getComputedStyle(element);
    if (style.visibility === "hidden") continue;
    // Moved off screen on purpose and hidden from assistive technology too (the comment honeypot).
    if (element.closest('[aria-hidden="true"]')) continue;
    // Visually hidden text for screen readers (clipped to a pixel) takes no room on screen.
    if (rect.width <= 1 && rect.height <= 1) continue;
    if (reported.some((outer) => outer.contains(element))) continue;
    // Clipped or scrolled by an ancestor that is itself on screen: a table scrolling in its box.
    let clipped = false;
    for (let a = element.parentElement; a && a !== document.body; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== "visible") {
        clipped = inside(a.getBoundingClientRect());
        break;
      }
    }
    if (clipped) continue;
    reported.push(element);
    const name = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}${
      typeof element.className === "string" && element.className
        ? `.${element.className.trim().split(/\s+/).join(".")}`
        : ""
    }`;
    problems.push(`${name} spans ${Math.round(rect.left)}…${Math.round(rect.right)} px`);
  }
  return problems;
}

describe("every page", () => {
  let browser: Browser;
  let staff: BrowserContext;
  let reader: BrowserContext;
  let pages: SitePages;
  let axe: string;

  beforeAll(async () => {
    axe = await axeSource();
    browser = await launchBrowser();
    // The checker is a script of ours: the site's script policy must not stop it.
    staff = await browser.newContext({ bypassCSP: true });
    reader = await browser.newContext({ bypassCSP: true });
    pages = await sitePages(await staff.newPage(), baseUrl, {
      email: inject("adminEmail"),
      password: inject("adminPassword"),
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("finds the pages to walk", () => {
    // An article, a tag, a source, an author and a public case besides the fixed public pages (the
    // two pages reply-notification mails link to among them, the notice form, the withdrawn
    // notice, sign-in, the unlock page and a search in Chinese), and the demo translation's
    // original and the two side by side; an editor, its revisions and preview, a reprint's original
    // side by side, a source, an authorization, a webhook and a takedown case besides the fixed
    // staff pages.
    expect(pages.publicPages.length).toBe(18);
    expect(pages.staffPages.length).toBe(32);
  });

  for (const audience of ["public", "staff"] as const) {
    it(`fits every ${audience} page into 390 and 1280 px, with no serious or critical axe violation`, async () => {
      const context = audience === "public" ? reader : staff;
      const list = audience === "public" ? pages.publicPages : pages.staffPages;
      const failures: string[] = [];
      for (const path of list) {
        for (const width of WIDTHS) {
          const tab = await context.newPage();
          await tab.setViewportSize({ width, height: 900 });
          await tab.goto(baseUrl + path, { waitUntil: "load" });
          for (const problem of await tab.evaluate(overflowProblems))
            failures.push(`${path} at ${width} px: ${problem}`);
          if (width === 1280) {
            await tab.addScriptTag({ content: axe });
            const results = await tab.evaluate(() =>
              (window as unknown as { axe: { run(): Promise<AxeResults> } }).axe.run(),
            );
            for (const v of results.violations) {
              if (v.impact !== "serious" && v.impact !== "critical") continue;
              const where = v.nodes
                .slice(0, 3)
                .map((n) => n.target.join(" "))
                .join("; ");
              failures.push(`${path}: [${v.impact}] ${v.id}: ${v.help} (${where})`);
            }
          }
          await tab.close();
        }
      }
      expect(failures).toEqual([]);
    }, 600_000);
  }
});
