"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/platform/actions/define-action";
import { ROLE_LABELS } from "@/lib/platform/roles";
import {
  changeUserRole as changeRole,
  createUser as create,
  resetUserPassword as resetPassword,
  setUserActive as setActive,
} from "@/lib/users/manage-users";
import { ChangeRoleSchema, CreateUserSchema, ResetPasswordSchema, SetActiveSchema } from "@/lib/users/schema";

export const createUser = defineAction({
  permission: "user.manage",
  schema: CreateUserSchema,
  async handler(input, context) {
    const { user, oneTimePassword } = await create(input, context);
    revalidatePath("/admin/users");
    return {
      ok: true,
      message: `Created ${user.email} as ${ROLE_LABELS[user.role].toLowerCase()}.`,
      data: { email: user.email, oneTimePassword },
    };
  },
});

export const changeUserRole = defineAction({
  permission: "user.manage",
  schema: ChangeRoleSchema,
  async handler(input, context) {
    const user = await changeRole(input, context);
    revalidatePath("/admin/users");
    return { ok: true, message: `${user.email} is now ${ROLE_LABELS[user.role].toLowerCase()}.` };
  },
});

export const setUserActive = defineAction({
  permission: "user.manage",
  schema: SetActiveSchema,
  async handler(input, context) {
    const user = await setActive(input, context);
    revalidatePath("/admin/users");
    return { ok: true, message: `${user.email} is ${user.active ? "active again" : "deactivated"}.` };
  },
});

export const resetUserPassword = defineAction({
  permission: "user.manage",
  schema: ResetPasswordSchema,
  async handler(input, context) {
    const { user, oneTimePassword } = await resetPassword(input, context);
    return {
      ok: true,
      message: `New one-time password for ${user.email}; they must change it at sign-in.`,
      data: { email: user.email, oneTimePassword },
    };
  },
});
