"use client";

// The webhook form, for /admin/webhooks/new and an endpoint's page, and the buttons beside it.
// What was typed stays when the server refuses it (a form action would reset the fields).
import { startTransition, useActionState, useId, type FormEvent } from "react";
import {
  createWebhook,
  deleteWebhook,
  resendDelivery,
  rotateSecret,
  updateWebhook,
} from "@/app/(admin)/admin/webhooks/actions";
import { FieldMessage, fieldErrors } from "@/components/admin/taxonomy/fields";
import { ActionForm, type FormAction } from "@/components/ui/action-form";
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENTS, type WebhookEvent } from "@/lib/webhooks/events";
import { ActionMessage } from "@/components/ui/action-message";

export interface EditableWebhook {
  id: string;
  url: string;
  description: string;
  events: string[];
  active: boolean;
  /** Changes on every save, so the fields then show what was stored. */
  version: string;
}

export function WebhookForm({ endpoint }: { endpoint?: EditableWebhook }) {
  const action: FormAction = endpoint ? updateWebhook : createWebhook;
  const [state, formAction, pending] = useActionState(action, null);
  const id = useId();
  const chosen = new Set<string>(endpoint?.events ?? []);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => formAction(formData));
  }

  return (
    <form key={endpoint?.version} onSubmit={submit} className="stack wide" noValidate>
      {endpoint && <input type="hidden" name="endpointId" value={endpoint.id} />}
      <label>
        Address
        <input
          name="url"
          type="url"
          required
          placeholder="https://"
          autoCapitalize="none"
          spellCheck={false}
          defaultValue={endpoint?.url}
          aria-invalid={fieldErrors(state, "url").length > 0 || undefined}
          aria-describedby={`${id}-url-hint ${id}-url-error`}
        />
        <span className="meta" id={`${id}-url-hint`}>
          Where each event is sent (POST, signed JSON). http:// or https:// only; not an address on this
          server’s own network.
        </span>
        <FieldMessage state={state} name="url" id={`${id}-url-error`} />
      </label>
      <label>
        Description
        <input
          name="description"
          maxLength={200}
          defaultValue={endpoint?.description}
          aria-describedby={`${id}-description-error`}
        />
        <FieldMessage state={state} name="description" id={`${id}-description-error`} />
      </label>
      <fieldset className="stack" aria-describedby={`${id}-events-error`}>
        <legend>Events</legend>
        {WEBHOOK_EVENTS.map((event: WebhookEvent) => (
          <label key={event} className="inline-choice">
            <input type="checkbox" name="events" value={event} defaultChecked={chosen.has(event)} />
            <span>
              <code>{event}</code> <span className="meta">{WEBHOOK_EVENT_LABELS[event]}</span>
            </span>
          </label>
        ))}
        <FieldMessage state={state} name="events" id={`${id}-events-error`} />
      </fieldset>
      <label className="inline-choice">
        <input type="checkbox" name="active" defaultChecked={endpoint?.active ?? true} /> Active (send events)
      </label>
      <button type="submit" disabled={pending}>
        {pending ? "Working…" : endpoint ? "Save webhook" : "Add webhook"}
      </button>
      <ActionMessage state={state} />
    </form>
  );
}

export function RotateSecretButton({ endpointId }: { endpointId: string }) {
  return (
    <ActionForm
      action={rotateSecret}
      submitLabel="Make a new secret"
      confirm="Make a new secret? Requests signed with the old one stop at once; the receiver must get the new one."
      className="inline"
    >
      {() => <input type="hidden" name="endpointId" value={endpointId} />}
    </ActionForm>
  );
}

export function DeleteWebhookButton({ endpoint }: { endpoint: { id: string; url: string } }) {
  return (
    <ActionForm
      action={deleteWebhook}
      submitLabel="Delete webhook"
      confirm={`Delete the webhook for ${endpoint.url} and its delivery log? This cannot be undone.`}
      className="inline"
    >
      {() => <input type="hidden" name="endpointId" value={endpoint.id} />}
    </ActionForm>
  );
}

export function ResendButton({ deliveryId }: { deliveryId: string }) {
  return (
    <ActionForm action={resendDelivery} submitLabel="Resend" className="inline">
      {() => <input type="hidden" name="deliveryId" value={deliveryId} />}
    </ActionForm>
  );
}
