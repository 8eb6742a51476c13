"use client";

import { createUser } from "@/app/(admin)/admin/users/actions";
import { ActionForm, FieldError } from "@/components/ui/action-form";
import { OneTimePassword } from "./one-time-password";
import { RoleSelect } from "./role-select";

export function CreateUserForm() {
  return (
    <ActionForm action={createUser} submitLabel="Create user" className="stack">
      {(state) => (
        <>
          <label>
            Email
            <input name="email" type="email" required maxLength={254} aria-describedby="email-error" />
            <FieldError state={state} name="email" />
          </label>
          <label>
            Name
            <input name="name" required maxLength={120} aria-describedby="name-error" />
            <FieldError state={state} name="name" />
          </label>
          <label>
            Role
            <RoleSelect name="role" defaultValue="WRITER" />
            <FieldError state={state} name="role" />
          </label>
          <OneTimePassword state={state} />
        </>
      )}
    </ActionForm>
  );
}
