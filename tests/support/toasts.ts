// The staff screens confirm what was done in toasts: the texts of those on screen now.
import type { Page } from "playwright-core";

export async function toastTexts(page: Page): Promise<string[]> {
  return page.getByTestId("toast").allTextContents();
}
