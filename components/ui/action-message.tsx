import type { ActionResult } from "@/lib/platform/actions/result";

/** What the last action said, in a live region: a refusal styled as an error, anything else as news. */
export function ActionMessage({ state }: { state: ActionResult | null }) {
  return (
    <p className={state?.ok === false ? "form-error" : "form-status"} role="status" aria-live="polite">
      {state?.message}
    </p>
  );
}
