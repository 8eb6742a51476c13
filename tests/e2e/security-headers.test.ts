// What a browser is told to enforce, and whether it holds in Chromium: a Content-Security-Policy
// whose script nonce is new on every response Next gives (cached pages included) or, on a public
// page the launcher keeps in memory, that names each script by hash; no inline script without
// either, the other protective headers, and uploads served as what they are.
import { createHash } from "node:crypto";
import sharp from "sharp";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "../support/browser";
import { violations, watchedPage } from "../support/csp-violations";
import { signInOverHttp } from "../support/server-actions";
import { signIn } from "../support/staff-session";

const baseUrl = inject("baseUrl");
const SEED_PATH =
  "/articles/today-there-is-a-special-background-for-high-level-calls-between-china-and-japan";
const PUBLIC_PAGES = ["/", SEED_PATH, "/search?q=Kishida", "/tags/china", "/login"];

function scriptSrc(policy: string): string {
  return (
    policy
      .split(";")
      .map((d) => d.trim())
      .find((d) => d.startsWith("script-src ")) ?? ""
  );
}

function nonceOf(policy: string): string {
  const match = /'nonce-([^']+)'/.exec(scriptSrc(policy));
  if (!match) throw new Error(`No nonce in: ${policy}`);
  return match[1]!;
}

/** Every <script> that a browser would run (JSON-LD data blocks are not run). */
function executableScripts(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => !/type="application\/ld\+json"/.test(tag));
}

/** Every <script> a browser would run, with its text. */
function executableInlineScripts(html: string): { tag: string; body: string }[] {
  return [...html.matchAll(/(<script\b[^>]*>)([\s\S]*?)<\/script>/g)]
    .map((m) => ({ tag: m[1]!, body: m[2]! }))
    .filter(({ tag }) => !/type="application\/ld\+json"/.test(tag));
}

function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("base64");
}

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${baseUrl}${path}`, { headers, redirect: "manual" });
  return { response, html: await response.text() };
}

describe("security headers", () => {
  it("give every page a script policy with a nonce of its own, or pinning each script it runs by hash", async () => {
    for (const path of PUBLIC_PAGES) {
      const nonces = new Set<string>();
      let nonceAnswers = 0;
      // Later answers of a public page come from the page cache, then from the launcher's memory
      // (lib/platform/server/page-memory.ts), whose one body for every reader pins its scripts by hash.
      for (let i = 0; i < 3; i++) {
        const { response, html } = await get(path);
        expect(response.status, path).toBe(200);
        const policy = response.headers.get("content-security-policy")!;
        expect(scriptSrc(policy), path).not.toContain("unsafe-inline");
        expect(scriptSrc(policy), path).not.toContain("unsafe-eval");
        const scripts = executableScripts(html);
        expect(scripts.length, path).toBeGreaterThan(0);
        if (scriptSrc(policy).includes("'nonce-")) {
          const nonce = nonceOf(policy);
          nonces.add(nonce);
          nonceAnswers += 1;
          for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
        } else {
          expect(scriptSrc(policy), path).toContain("'strict-dynamic'");
          for (const script of executableInlineScripts(html)) {
            expect(script.tag, path).not.toMatch(/\ssrc=|\snonce=/);
            expect(scriptSrc(policy), path).toContain(`'sha256-${sha256(script.body)}'`);
          }
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(nonces.size, `${path} answers with a new nonce each time it has one`).toBe(nonceAnswers);
    }
  });

  it("guard staff pages the same way", async () => {
    const cookie = await signInOverHttp(baseUrl, inject("adminEmail"), inject("adminPassword"));
    for (const path of ["/admin", "/admin/articles", "/admin/comments"]) {
      const { response, html } = await get(path, { Cookie: cookie });
      expect(response.status, path).toBe(200);
      const nonce = nonceOf(response.headers.get("content-security-policy")!);
      for (const tag of executableScripts(html)) expect(tag, path).toContain(`nonce="${nonce}"`);
      expect(response.headers.get("cache-control"), path).toContain("no-store");
    }
  });

  it("send the other protective headers on pages, API answers and feeds", async () => {
    for (const path of [...PUBLIC_PAGES, "/api/v1/articles", "/feed.xml", "/api/health"]) {
      const { response } = await get(path);
      const policy = response.headers.get("content-security-policy") ?? "";
      expect(policy, path).toContain("frame-ancestors 'none'");
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(response.headers.get("referrer-policy"), path).toBe("strict-origin-when-cross-origin");
      expect(response.headers.get("x-frame-options"), path).toBe("DENY");
      // The test server runs as in production.
      expect(response.headers.get("strict-transport-security"), path).toMatch(/max-age=\d{8,}/);
    }
  });

  it("serve uploads as the images they are, under a policy that runs nothing", async () => {
    const cookie = await signInOverHttp(baseUrl, inject("adminEmail"), inject("adminPassword"));
    const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: "#884422" } })
      .png()
      .toBuffer();
    const form = new FormData();
    form.set("file", new Blob([new Uint8Array(png)], { type: "image/png" }), "square.png");
    form.set("alt", "A brown square");
    const upload = await fetch(`${baseUrl}/api/admin/media`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: baseUrl },
      body: form,
    });
    expect(upload.status).toBe(200);
    const { data } = (await upload.json()) as { data: { url: string } };
    const file = await fetch(`${baseUrl}${data.url}`);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toMatch(/^image\//);
    expect(file.headers.get("x-content-type-options")).toBe("nosniff");
    expect(file.headers.get("content-security-policy")).toContain("default-src 'none'");
  });
});

describe("the policy in Chromium", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("runs the site's own scripts without a single violation, public pages and the editor alike", async () => {
    const page = await watchedPage(browser);
    for (const path of PUBLIC_PAGES) {
      await page.goto(`${baseUrl}${path}`, { waitUntil: "networkidle" });
      expect(await violations(page), path).toEqual([]);
    }
    await signIn(page, baseUrl, inject("adminEmail"), inject("adminPassword"), "/admin/articles");
    await page.goto(`${baseUrl}/admin/articles/new`);
    await page.waitForURL(/\/admin\/articles\/[a-z0-9]+$/);
    // The editor is React and Tiptap: it only becomes editable once its scripts ran.
    await page.getByRole("textbox", { name: "Article body" }).click();
    await page.keyboard.type("Typed under the policy.");
    await expect
      .poll(() => page.getByRole("textbox", { name: "Article body" }).textContent())
      .toContain("Typed under the policy.");
    expect(await violations(page)).toEqual([]);
  });

  it("refuses an inline script that lacks this response's nonce", async () => {
    const page = await watchedPage(browser);
    // As if markup had slipped into the article: the same headers, one injected script.
    await page.route(`${baseUrl}${SEED_PATH}`, async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(
        "</body>",
        '<script>window.__injected = true</script><img src=x onerror="window.__injected = true"></body>',
      );
      await route.fulfill({ response, body: html });
    });
    await page.goto(`${baseUrl}${SEED_PATH}`, { waitUntil: "networkidle" });
    expect(
      await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected),
    ).toBeUndefined();
    expect((await violations(page)).some((v) => v.startsWith("script-src"))).toBe(true);
  });
});
