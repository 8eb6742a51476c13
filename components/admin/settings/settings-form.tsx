"use client";

// A settings form: keeps what was typed when the server refuses it, sends back the version it
// was loaded from (so a stale tab cannot overwrite a newer save), and after a save shows the
// values as stored.
import { startTransition, useActionState, useId, type FormEvent, type ReactNode } from "react";
import { fieldErrors, FieldMessage } from "@/components/admin/taxonomy/fields";
import type { FormAction } from "@/components/ui/action-form";
import type { ActionResult } from "@/lib/platform/actions/result";
import { ActionMessage } from "@/components/ui/action-message";

export function SettingsForm({
  action,
  savedAt,
  submitLabel,
  children,
}: {
  action: FormAction;
  /** The stored row's updatedAt ("" when nothing is stored yet). */
  savedAt: string;
  submitLabel: string;
  children: (state: ActionResult | null) => ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const saved = state?.ok ? (state.data as { savedAt?: string } | undefined)?.savedAt : undefined;
  const version = saved ?? savedAt;

  function submit(event: FormEvent<HTMLFormElement>) {
    // Dispatch ourselves: a form action would reset every field, even when the server refused.
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => formAction(formData));
  }

  return (
    <form onSubmit={submit} className="stack" noValidate>
      <input type="hidden" name="expectedSavedAt" value={version} />
      <div key={version} className="stack">
        {children(state)}
      </div>
      <button type="submit" disabled={pending}>
        {pending ? "Saving…" : submitLabel}
      </button>
      <ActionMessage state={state} />
    </form>
  );
}

/** What SettingsField hands its control. */
export interface ControlProps {
  id: string;
  name: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string;
}

/** A whole-number input for SettingsField; empty `defaultValue` leaves the field blank. */
export function wholeNumberInput(options: {
  min: number;
  max: number;
  defaultValue: number | "";
  required?: boolean;
}) {
  const { min, max, defaultValue, required } = options;
  return function WholeNumberInput(props: ControlProps) {
    return (
      <input
        {...props}
        type="number"
        inputMode="numeric"
        required={required}
        min={min}
        max={max}
        step={1}
        defaultValue={defaultValue}
      />
    );
  };
}

/** A labelled control with its hint and errors; `children` gets the props the control needs. */
export function SettingsField({
  state,
  name,
  label,
  hint,
  children,
}: {
  state: ActionResult | null;
  name: string;
  label: ReactNode;
  hint?: string;
  children: (props: ControlProps) => ReactNode;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  return (
    <label htmlFor={id}>
      {label}
      {children({
        id,
        name,
        "aria-invalid": fieldErrors(state, name).length > 0 || undefined,
        "aria-describedby": hint ? `${hintId} ${errorId}` : errorId,
      })}
      {hint && (
        <span className="meta" id={hintId}>
          {hint}
        </span>
      )}
      <FieldMessage state={state} name={name} id={errorId} />
    </label>
  );
}
