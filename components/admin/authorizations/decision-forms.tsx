"use client";

// The admin's decisions on one authorization. Each names the version the page showed, so a
// decision made on a stale page is refused instead of overwriting someone else's.
import { useId } from "react";
import {
  denyAuthorization,
  grantAuthorization,
  renewAuthorization,
  revokeAuthorization,
} from "@/app/(admin)/admin/authorizations/actions";
import { FieldMessage } from "@/components/admin/taxonomy/fields";
import { ActionForm } from "@/components/ui/action-form";
import type { TermsFormValues } from "@/lib/rights/authorizations/terms";
import { KeepingForm } from "./keeping-form";
import { TermsFields } from "./terms-fields";

interface Target {
  id: string;
  version: number;
}

function Hidden({ target }: { target: Target }) {
  return (
    <>
      <input type="hidden" name="id" value={target.id} />
      <input type="hidden" name="version" value={target.version} />
    </>
  );
}

export const GRANT_NEEDS_EVIDENCE =
  "Add the grantor's reply as evidence first (a file, a screenshot or a link, under Add evidence).";

export function GrantForm({
  target,
  terms,
  evidenceCount,
}: {
  target: Target;
  terms: TermsFormValues;
  evidenceCount: number;
}) {
  return (
    <KeepingForm
      action={grantAuthorization}
      submitLabel="Grant"
      confirm="Mark this authorization as granted, with the terms below?"
      confirmTone="neutral"
      className="stack"
      label="Grant"
      disabledReason={evidenceCount === 0 ? GRANT_NEEDS_EVIDENCE : undefined}
      resetKey={evidenceCount}
    >
      {(state) => (
        <>
          <Hidden target={target} />
          <details>
            <summary>Terms as finally agreed (start from the request)</summary>
            <TermsFields state={state} defaults={terms} />
          </details>
        </>
      )}
    </KeepingForm>
  );
}

export function DenyForm({ target, consequence }: { target: Target; consequence: string }) {
  const id = useId();
  return (
    <KeepingForm
      action={denyAuthorization}
      submitLabel="Deny"
      confirm={`Deny this request? ${consequence} This cannot be undone.`}
      className="stack"
      label="Deny"
    >
      {(state) => (
        <>
          <Hidden target={target} />
          <p className="meta">{consequence}</p>
          <label>
            Why the request was denied
            <textarea
              name="reason"
              required
              rows={3}
              maxLength={2000}
              aria-describedby={`${id}-reason-error`}
            />
            <FieldMessage state={state} name="reason" id={`${id}-reason-error`} />
          </label>
        </>
      )}
    </KeepingForm>
  );
}

export function RevokeForm({ target, consequence }: { target: Target; consequence: string }) {
  const id = useId();
  return (
    <KeepingForm
      action={revokeAuthorization}
      submitLabel="Revoke"
      confirm={`Revoke this authorization? ${consequence} This cannot be undone.`}
      className="stack"
      label="Revoke"
    >
      {(state) => (
        <>
          <Hidden target={target} />
          <p className="meta">{consequence}</p>
          <label>
            Why it is revoked (e.g. the grantor&apos;s withdrawal)
            <textarea
              name="reason"
              required
              rows={3}
              maxLength={2000}
              aria-describedby={`${id}-reason-error`}
            />
            <FieldMessage state={state} name="reason" id={`${id}-reason-error`} />
          </label>
        </>
      )}
    </KeepingForm>
  );
}

export function RenewForm({ id }: { id: string }) {
  return (
    <ActionForm
      action={renewAuthorization}
      submitLabel="Request renewal"
      confirm="Record a new request with the same conditions and a new term? This authorization itself is not changed."
      confirmTone="neutral"
      className="inline"
    >
      {() => <input type="hidden" name="id" value={id} />}
    </ActionForm>
  );
}
