import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "../support/browser";
import { signInOverHttp } from "../support/server-actions";
import { signIn, signOut } from "../support/staff-session";

describe("staff accounts", () => {
  const baseUrl = inject("baseUrl");
  const editorEmail = `editor-${Date.now()}@crosscurrent.test`;
  let browser: Browser;
  let page: Page;
  let editorPassword: string;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  // Each step is a new visitor with its own cookies.
  beforeEach(async () => {
    page = await (await browser.newContext()).newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("sends anonymous visitors of /admin to the sign-in page", async () => {
    await page.goto(`${baseUrl}/admin/users`);
    expect(new URL(page.url()).pathname).toBe("/login");
  });

  it("refuses a wrong password with a generic message", async () => {
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel("Email").fill(inject("adminEmail"));
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => page.locator(".form-error").textContent()).toBe("Email or password is wrong.");
  });

  it("lets the seeded admin create an editor and shows a one-time password", async () => {
    await signIn(page, baseUrl, inject("adminEmail"), inject("adminPassword"), "/admin/users");
    const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Create user" }) });
    await form.getByLabel("Email").fill(editorEmail);
    await form.getByLabel("Name").fill("Eddie Editor");
    await form.locator('select[name="role"]').selectOption("EDITOR");
    await form.getByRole("button", { name: "Create user" }).click();
    const password = page.getByTestId("one-time-password");
    await password.waitFor();
    editorPassword = (await password.textContent())!;
    expect(editorPassword).toMatch(/^\S{20}$/);
    await page.reload();
    expect(await page.getByTestId(`user-${editorEmail}`).textContent()).toContain("Editor");
    await signOut(page);
    const afterSignOut = await page.goto(`${baseUrl}/admin/users`);
    expect(new URL(afterSignOut!.url()).pathname).toBe("/login");
  });

  it("signs the editor in, and refuses them the users page", async () => {
    await signIn(page, baseUrl, editorEmail, editorPassword);
    const nav = await page.getByRole("navigation", { name: "Admin" }).textContent();
    expect(nav).not.toContain("Users");
    const response = await page.goto(`${baseUrl}/admin/users`);
    expect(response?.status()).toBe(403);
    expect(await page.locator("h1").textContent()).toBe("Not allowed");
  });

  it("shows the user management in the audit log", async () => {
    await signIn(page, baseUrl, inject("adminEmail"), inject("adminPassword"), "/admin/audit");
    const log = await page.locator("table").textContent();
    expect(log).toContain("user.create");
    // Who did it, by name; what it was done to, by name and email.
    expect(log).toContain("Site admin");
    expect(log).toContain(`Eddie Editor <${editorEmail}>`);
  });

  it("refuses a signed-out session token on the very next request, and keeps the user's other session", async () => {
    const email = inject("adminEmail");
    const laptop = await signInOverHttp(baseUrl, email, inject("adminPassword"));
    const phone = await signInOverHttp(baseUrl, email, inject("adminPassword"));
    const usersPage = (cookie: string) =>
      fetch(`${baseUrl}/admin/users`, { headers: { Cookie: cookie }, redirect: "manual" });
    expect((await usersPage(laptop)).status).toBe(200);

    // Signing out as next-auth's signOut() does: a fresh CSRF token, then POST /api/auth/signout.
    const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { headers: { Cookie: laptop } });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = csrf.headers
      .getSetCookie()
      .map((cookie) => cookie.split(";")[0])
      .join("; ");
    const signOutResponse = await fetch(`${baseUrl}/api/auth/signout`, {
      method: "POST",
      redirect: "manual",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Cookie: `${laptop}; ${csrfCookie}`,
        Origin: baseUrl,
      },
      body: new URLSearchParams({ csrfToken, callbackUrl: `${baseUrl}/login`, json: "true" }),
    });
    expect(signOutResponse.status).toBe(200);

    // The browser forgets the cookie; someone who kept a copy gets nothing for it.
    const replayed = await usersPage(laptop);
    expect(replayed.status).toBe(307);
    expect(new URL(replayed.headers.get("location")!, baseUrl).pathname).toBe("/login");
    expect((await usersPage(phone)).status).toBe(200);
  });

  it("treats a forged session cookie as signed out, never as an error", async () => {
    const context = await browser.newContext();
    await context.addCookies([
      { name: "next-auth.session-token", value: "eyJhbGciOiJub25lIn0.forged.token", url: baseUrl },
    ]);
    const forged = await context.newPage();
    const response = await forged.goto(`${baseUrl}/admin/users`);
    expect(response?.status()).toBe(200);
    expect(new URL(forged.url()).pathname).toBe("/login");
  });

  it("answers malformed sign-in requests without a server error", async () => {
    const csrf = (await (await fetch(`${baseUrl}/api/auth/csrf`)).json()) as { csrfToken: string };
    for (const body of [
      "email=&password=",
      `email=${"a".repeat(10_000)}%40x.test&password=${"b".repeat(10_000)}`,
      "garbage-without-fields",
      `csrfToken=${csrf.csrfToken}&email=%00&password[]=x`,
    ]) {
      const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body,
        redirect: "manual",
      });
      expect(response.status, body.slice(0, 40)).toBeLessThan(500);
    }
  });
});
