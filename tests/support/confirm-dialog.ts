// The desk's confirmation dialog (components/ui/confirm-dialog.tsx), as staff answer it.
import type { Page } from "playwright-core";

/** The open confirmation: an alertdialog with the question as its name. */
export function confirmation(page: Page) {
  return page.getByRole("alertdialog");
}

/** Clicks the dialog's confirm button, which names the action ("Revoke", "Grant"…), and waits for it to close. */
export async function confirmWith(page: Page, action: string) {
  const dialog = confirmation(page);
  await dialog.getByRole("button", { name: action, exact: true }).click();
  await dialog.waitFor({ state: "hidden" });
}
