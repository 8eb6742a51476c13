// Signing in through the real /login form, as staff do.
import type { Page } from "playwright-core";

export async function signIn(page: Page, baseUrl: string, email: string, password: string, then = "/admin") {
  await page.goto(`${baseUrl}/login?callbackUrl=${encodeURIComponent(then)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === then);
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/login/);
}
