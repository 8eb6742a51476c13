"use client";

import { useActionState, type ReactNode } from "react";
import type { ActionResult } from "@/lib/actions/result";

type FormAction = (state: ActionResult | null, formData: FormData) => Promise<ActionResult>;

/**
 * A form bound to a server action: shows the action's message in a live region, and field
 * errors next to fields through `children(state)`.
 */
export function ActionForm({
  action,
  children,
  className,
  submitLabel,
  confirm,
}: {
  action: FormAction;
  children?: (state: ActionResult | null) => ReactNode;
  className?: string;
  submitLabel: string;
  confirm?: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form
      action={formAction}
      className={className}
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm)) event.preventDefault();
      }}
    >
      {children?.(state)}
      <button type="submit" disabled={pending}>
        {pending ? "Working…" : submitLabel}
      </button>
      <p className={state?.ok === false ? "form-error" : "form-status"} role="status" aria-live="polite">
        {state?.message}
      </p>
    </form>
  );
}

export function FieldError({ state, name }: { state: ActionResult | null; name: string }) {
  const errors = state && !state.ok ? state.fieldErrors?.[name] : undefined;
  if (!errors?.length) return null;
  return (
    <span className="field-error" id={`${name}-error`}>
      {errors.join(" ")}
    </span>
  );
}
