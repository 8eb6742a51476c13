// Content-Security-Policy violations a page meets, recorded in the page itself from its first
// script on, so a test can ask for them after it has done what it came for.
import type { Browser, Page } from "playwright-core";

type Recording = Window & { __violations: string[] };

/** A new page that records every policy violation it meets. */
export async function watchedPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as Recording).__violations = seen;
    document.addEventListener("securitypolicyviolation", (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  return page;
}

/** The violations `page` has recorded so far: "<directive> <blocked URI>". */
export function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as Recording).__violations);
}
