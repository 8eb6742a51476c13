// Chromium as the cross-site-scripting suite's witness (tests/e2e/xss.test.ts). Every context
// it makes watches for a payload running, in four independent ways:
// - the marker: an init script defines window.__xss(n) in every frame before any page script;
//   a call is reported at once through a binding and also kept in window.__xssFired, which is
//   read back from every frame after every page has settled;
// - dialogs: alert/confirm/prompt open a dialog, which is recorded and dismissed;
// - the network: any request to a host other than the app's is recorded (payloads load from
//   //xss.invalid/n), and goes nowhere: this browser resolves no host name at all;
// - errors: an uncaught error that names the marker (a payload that ran where it is undefined).
// Requests are watched, not intercepted: interception would turn off the HTTP cache and make
// every visit download and compile the app's scripts again.
// The app's Content-Security-Policy is bypassed, so what is tested is the output encoding itself:
// markup that only the policy stopped would still be caught.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser } from "./browser";

export interface Execution {
  how: "marker" | "dialog" | "request" | "error";
  /** The payload number, when the evidence names one. */
  n: number | null;
  detail: string;
  /** The page visit it happened on. */
  visit: string;
}

export interface VisitProblem {
  visit: string;
  problem: string;
}

export interface Tab {
  page: Page;
  inflight: Set<unknown>;
  current: string;
}

const MARKER_INIT = `(() => {
  const report = (how, detail) => {
    try { window.__xssReport(how, String(detail)); } catch {}
  };
  const fired = [];
  Object.defineProperty(window, "__xssFired", { value: fired, configurable: false });
  Object.defineProperty(window, "__xss", {
    value: (n) => { fired.push(n); report("marker", n); },
    configurable: false,
    writable: false,
  });
})();`;

/** Chromium as tests/support/browser.ts launches it, but unable to reach any host by name. */
export function launchWitnessBrowser(): Promise<Browser> {
  return launchBrowser(["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]);
}

/**
 * Next prefetches every link that scrolls into view; those requests render other pages on the
 * server, which is not what a visit is testing. With an IntersectionObserver that never reports,
 * nothing is ever in view (and Next, finding one, does not fall back to prefetching everything).
 */
const NO_PREFETCH_INIT = `(() => {
  window.IntersectionObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
    takeRecords() { return []; }
  };
})();`;

/** Settled: no request in flight for this long after the load event. */
const QUIET_MS = 60;
const SETTLE_LIMIT_MS = 4_000;

function payloadNumber(text: string): number | null {
  const match = /(?:__xss\(|xss\.invalid\/)(\d+)/.exec(text);
  return match ? Number(match[1]) : null;
}

export class XssWitness {
  readonly executions: Execution[] = [];
  readonly problems: VisitProblem[] = [];
  visits = 0;
  /** Time spent loading pages and waiting for them to settle, summed over all tabs. */
  loadMs = 0;
  settleMs = 0;
  private readonly origin: string;

  constructor(baseUrl: string) {
    this.origin = new URL(baseUrl).origin;
  }

  private record(execution: Omit<Execution, "n"> & { n?: number | null }) {
    this.executions.push({ ...execution, n: execution.n ?? payloadNumber(execution.detail) });
  }

  private readonly tabs = new WeakMap<Page, Tab>();

  /**
   * A browser context that reports executions. `initScript` runs before every document's own
   * scripts (the reader's session storage, for instance).
   */
  async newContext(
    browser: Browser,
    options: { storageState?: Awaited<ReturnType<BrowserContext["storageState"]>>; initScript?: string } = {},
  ): Promise<BrowserContext> {
    const context = await browser.newContext({ bypassCSP: true, storageState: options.storageState });
    const visitOf = (page: Page | null | undefined) =>
      (page && this.tabs.get(page)?.current) || "(between visits)";
    await context.exposeBinding("__xssReport", ({ page }, how: string, detail: string) => {
      this.record({
        how: how === "marker" ? "marker" : "error",
        detail: `${how}: ${detail}`,
        n: Number.parseInt(detail, 10) || null,
        visit: visitOf(page),
      });
    });
    await context.addInitScript(MARKER_INIT);
    if (options.initScript) await context.addInitScript(options.initScript);
    await context.addInitScript(NO_PREFETCH_INIT);
    context.on("request", (request) => {
      const url = request.url();
      if (!/^(https?|wss?):/i.test(url) || new URL(url).origin === this.origin) return;
      let page: Page | null = null;
      try {
        page = request.frame().page();
      } catch {
        // A service worker's request has no frame.
      }
      this.record({ how: "request", detail: url, visit: visitOf(page) });
    });
    context.on("page", (page) => this.attach(page));
    return context;
  }

  /** A page of `context` whose requests, dialogs and errors are watched. */
  async newTab(context: BrowserContext): Promise<Tab> {
    return this.attach(await context.newPage());
  }

  private attach(page: Page): Tab {
    const existing = this.tabs.get(page);
    if (existing) return existing;
    const tab: Tab = { page, inflight: new Set(), current: "" };
    this.tabs.set(page, tab);
    page.on("request", (request) => tab.inflight.add(request));
    page.on("requestfinished", (request) => tab.inflight.delete(request));
    page.on("requestfailed", (request) => tab.inflight.delete(request));
    page.on("dialog", (dialog) => {
      this.record({
        how: "dialog",
        detail: `${dialog.type()}(${dialog.message()})`,
        n: Number.parseInt(dialog.message(), 10) || null,
        visit: tab.current,
      });
      void dialog.dismiss().catch(() => {});
    });
    page.on("pageerror", (error) => {
      if (/__xss|xss\.invalid/.test(`${error.message}\n${error.stack ?? ""}`)) {
        this.record({ how: "error", detail: error.message, visit: tab.current });
      }
    });
    return tab;
  }

  /**
   * Opens `path`, waits for the load event and for the network to go quiet, then reads the
   * marker back from every frame. Returns the page for further checks, or null when it did not
   * answer `expectedStatus` (recorded as a problem).
   */
  async visit(tab: Tab, baseUrl: string, path: string, expectedStatus = 200): Promise<Page | null> {
    const { page } = tab;
    tab.current = path;
    tab.inflight.clear();
    this.visits++;
    const t0 = Date.now();
    let status: number | undefined;
    try {
      const response = await page.goto(`${baseUrl}${path}`, { waitUntil: "load", timeout: 30_000 });
      status = response?.status();
    } catch (error) {
      this.problems.push({
        visit: path,
        problem: `did not load: ${(error as Error).message.split("\n")[0]}`,
      });
      return null;
    }
    const t1 = Date.now();
    await settle(tab);
    const t2 = Date.now();
    this.loadMs += t1 - t0;
    this.settleMs += t2 - t1;
    for (const frame of page.frames()) {
      const fired = await frame
        .evaluate(() => (window as unknown as { __xssFired?: number[] }).__xssFired?.slice() ?? [])
        .catch(() => [] as number[]);
      for (const n of fired) {
        // Normally reported through the binding already; this catches a binding that did not.
        if (!this.executions.some((e) => e.how === "marker" && e.n === n && e.visit === path)) {
          this.record({ how: "marker", detail: `marker: ${n} (read back)`, n, visit: path });
        }
      }
    }
    if (status !== expectedStatus) {
      this.problems.push({ visit: path, problem: `answered ${status}, expected ${expectedStatus}` });
      return null;
    }
    return page;
  }
}

/** Load has fired; now wait until nothing is in flight for QUIET_MS, then for one more frame. */
async function settle(tab: Tab): Promise<void> {
  const deadline = Date.now() + SETTLE_LIMIT_MS;
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    if (tab.inflight.size > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= QUIET_MS) break;
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
  await tab.page
    .evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))))
    .catch(() => {});
}
