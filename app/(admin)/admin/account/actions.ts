"use server";

import { defineAction } from "@/lib/platform/actions/define-action";
import {
  changeOwnPassword as changePassword,
  signOutEverywhere as signOutAll,
} from "@/lib/users/manage-users";
import { ChangeOwnPasswordSchema, NoInputSchema } from "@/lib/users/schema";

export const changeOwnPassword = defineAction({
  permission: "account.manageOwn",
  schema: ChangeOwnPasswordSchema,
  async handler(input, context) {
    await changePassword(input, context);
    return { ok: true, message: "Password changed." };
  },
});

export const signOutEverywhere = defineAction({
  permission: "account.manageOwn",
  schema: NoInputSchema,
  async handler(_input, context) {
    await signOutAll(context);
    return { ok: true, redirectTo: "/login" };
  },
});
