"use client";

import { changeUserRole, resetUserPassword, setUserActive } from "@/app/(admin)/admin/users/actions";
import { ActionForm } from "@/components/ui/action-form";
import type { Role } from "@/lib/generated/prisma/enums";
import { OneTimePassword } from "./one-time-password";
import { RoleSelect } from "./role-select";

export function UserRowActions({
  user,
}: {
  user: { id: string; email: string; role: Role; active: boolean };
}) {
  return (
    <div className="row-actions">
      <ActionForm action={changeUserRole} submitLabel="Change role" className="inline">
        {() => (
          <>
            <input type="hidden" name="userId" value={user.id} />
            <label>
              <span className="visually-hidden">Role of {user.email}</span>
              <RoleSelect name="role" defaultValue={user.role} />
            </label>
          </>
        )}
      </ActionForm>
      <ActionForm
        action={setUserActive}
        submitLabel={user.active ? "Deactivate" : "Reactivate"}
        confirm={user.active ? `Deactivate ${user.email}? Their sessions end at once.` : undefined}
        className="inline"
      >
        {() => (
          <>
            <input type="hidden" name="userId" value={user.id} />
            <input type="hidden" name="active" value={String(!user.active)} />
          </>
        )}
      </ActionForm>
      <ActionForm
        action={resetUserPassword}
        submitLabel="Reset password"
        confirm={`Reset the password of ${user.email}? Their sessions end at once.`}
        className="inline"
      >
        {(state) => (
          <>
            <input type="hidden" name="userId" value={user.id} />
            <OneTimePassword state={state} />
          </>
        )}
      </ActionForm>
    </div>
  );
}
