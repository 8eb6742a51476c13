"use client";

import { startTransition, useActionState, useId, useRef, type FormEvent, type ReactNode } from "react";
import type { ActionResult } from "@/lib/platform/actions/result";
import { confirmationFromText, useConfirm, type Confirmation } from "@/components/ui/confirm-dialog";
import { ActionMessage } from "@/components/ui/action-message";

type FormAction = (state: ActionResult | null, formData: FormData) => Promise<ActionResult>;

interface Shown {
  result: ActionResult;
  /** The `resetKey` when the answer came: a later key means the page changed under it. */
  key: string | number | undefined;
}

/**
 * Like ActionForm, but what was typed stays in the fields after a refusal: long forms (all the
 * terms of an authorization) are submitted from onSubmit, so React does not reset them.
 * `disabledReason` keeps the submit button disabled, saying why next to it; a new `resetKey`
 * (e.g. the evidence count) drops the last answer, which spoke of the page as it was.
 */
export function KeepingForm({
  action,
  children,
  className,
  submitLabel,
  confirm,
  confirmTone,
  label,
  disabledReason,
  resetKey,
}: {
  action: FormAction;
  children: (state: ActionResult | null) => ReactNode;
  className?: string;
  submitLabel: string;
  /** Asks first, in the desk's confirmation dialog; its confirm button says `submitLabel`. */
  confirm?: string;
  confirmTone?: Confirmation["tone"];
  label?: string;
  disabledReason?: string;
  resetKey?: string | number;
}) {
  const id = useId();
  const [ask, dialog] = useConfirm();
  const keyAtSubmit = useRef(resetKey);
  const [shown, formAction, pending] = useActionState(
    async (previous: Shown | null, data: FormData): Promise<Shown> => ({
      result: await action(previous?.result ?? null, data),
      key: keyAtSubmit.current,
    }),
    null,
  );
  const state = shown && shown.key === resetKey ? shown.result : null;
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (disabledReason) return;
    const data = new FormData(event.currentTarget);
    const submit = () => {
      keyAtSubmit.current = resetKey;
      startTransition(() => formAction(data));
    };
    if (confirm)
      ask(
        confirmationFromText(confirm, submitLabel, confirmTone),
        submit,
        (event.nativeEvent as SubmitEvent).submitter,
      );
    else submit();
  }
  return (
    <>
      <form onSubmit={onSubmit} className={className} aria-label={label}>
        {children(state)}
        <button
          type="submit"
          disabled={pending || Boolean(disabledReason)}
          aria-describedby={disabledReason ? `${id}-why-disabled` : undefined}
        >
          {pending ? "Working…" : submitLabel}
        </button>
        {disabledReason && (
          <p className="notice" id={`${id}-why-disabled`}>
            {disabledReason}
          </p>
        )}
        <ActionMessage state={state} />
      </form>
      {dialog}
    </>
  );
}
