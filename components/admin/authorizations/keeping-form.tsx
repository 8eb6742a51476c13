"use client";

import { startTransition, useActionState, type FormEvent, type ReactNode } from "react";
import type { ActionResult } from "@/lib/platform/actions/result";

type FormAction = (state: ActionResult | null, formData: FormData) => Promise<ActionResult>;

/**
 * Like ActionForm, but what was typed stays in the fields after a refusal: long forms (all the
 * terms of an authorization) are submitted from onSubmit, so React does not reset them.
 */
export function KeepingForm({
  action,
  children,
  className,
  submitLabel,
  confirm,
  label,
}: {
  action: FormAction;
  children: (state: ActionResult | null) => ReactNode;
  className?: string;
  submitLabel: string;
  confirm?: string;
  label?: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (confirm && !window.confirm(confirm)) return;
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  }
  return (
    <form onSubmit={onSubmit} className={className} aria-label={label}>
      {children(state)}
      <button type="submit" disabled={pending}>
        {pending ? "Working…" : submitLabel}
      </button>
      <p className={state?.ok === false ? "form-error" : "form-status"} role="status" aria-live="polite">
        {state?.message}
      </p>
    </form>
  );
}
