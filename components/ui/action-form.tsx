"use client";

import { startTransition, useActionState, useRef, type ReactNode } from "react";
import type { ActionResult } from "@/lib/platform/actions/result";
import { confirmationFromText, useConfirm, type Confirmation } from "./confirm-dialog";
import { ActionMessage } from "./action-message";

export type FormAction = (state: ActionResult | null, formData: FormData) => Promise<ActionResult>;

/**
 * A form bound to a server action: shows the action's message in a live region, and field
 * errors next to fields through `children(state)`. What was typed stays in the fields when the
 * server refuses it (a plain form action would clear them); a success clears the form.
 */
export function ActionForm({
  action,
  children,
  className,
  submitLabel,
  confirm,
  confirmTone,
}: {
  action: FormAction;
  children?: (state: ActionResult | null) => ReactNode;
  className?: string;
  submitLabel: string;
  /** Asks first, in the desk's confirmation dialog; its confirm button says `submitLabel`. */
  confirm?: string;
  confirmTone?: Confirmation["tone"];
}) {
  const form = useRef<HTMLFormElement>(null);
  const [ask, dialog] = useConfirm();
  const [state, formAction, pending] = useActionState(
    async (previous: ActionResult | null, data: FormData) => {
      const result = await action(previous, data);
      if (result.ok) form.current?.reset();
      return result;
    },
    null,
  );
  return (
    <>
      <form
        ref={form}
        className={className}
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          const submit = () => startTransition(() => formAction(data));
          if (confirm)
            ask(confirmationFromText(confirm, submitLabel, confirmTone), submit, event.nativeEvent.submitter);
          else submit();
        }}
      >
        {children?.(state)}
        <button type="submit" disabled={pending}>
          {pending ? "Working…" : submitLabel}
        </button>
        <ActionMessage state={state} />
      </form>
      {dialog}
    </>
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
