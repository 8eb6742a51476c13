"use client";

import { changeOwnPassword, signOutEverywhere } from "@/app/(admin)/admin/account/actions";
import { ActionForm, FieldError } from "@/components/ui/action-form";

export function ChangePasswordForm() {
  return (
    <ActionForm action={changeOwnPassword} submitLabel="Change password" className="stack">
      {(state) => (
        <>
          <label>
            Current password
            <input name="currentPassword" type="password" autoComplete="current-password" required />
            <FieldError state={state} name="currentPassword" />
          </label>
          <label>
            New password (12 characters or more)
            <input name="newPassword" type="password" autoComplete="new-password" required minLength={12} />
            <FieldError state={state} name="newPassword" />
          </label>
          <label>
            New password again
            <input name="confirmPassword" type="password" autoComplete="new-password" required />
            <FieldError state={state} name="confirmPassword" />
          </label>
        </>
      )}
    </ActionForm>
  );
}

export function SignOutEverywhereForm() {
  return (
    <ActionForm
      action={signOutEverywhere}
      submitLabel="Sign out everywhere"
      confirm="End every session of yours, on every device?"
    />
  );
}
