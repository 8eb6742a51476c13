// The order every mutation follows: permission first, then input validation, then the work.
// Kept free of Next's request APIs so tests can run any action as any user.
import { z } from "zod";
import { can, type Permission } from "@/lib/platform/permissions";
import type { CurrentUser } from "@/lib/platform/session";
import { NUL_MESSAGE, nulPath } from "@/lib/platform/storable-text";
import { ActionFailure, type ActionResult } from "./result";

export interface ActionContext {
  actor: CurrentUser;
  ip: string | null;
}

export interface ActionDefinition<S extends z.ZodType = z.ZodType, T = unknown> {
  permission: Permission;
  schema: S;
  handler: (input: z.output<S>, context: ActionContext) => Promise<ActionResult<T>>;
}

export async function runAction<S extends z.ZodType, T>(
  definition: ActionDefinition<S, T>,
  actor: CurrentUser | null,
  rawInput: unknown,
  ip: string | null = null,
): Promise<ActionResult<T>> {
  if (!actor)
    return { ok: false, code: "UNAUTHENTICATED", message: "Your session has ended. Please sign in again." };
  if (!can(actor, definition.permission)) {
    return { ok: false, code: "FORBIDDEN", message: "Your role does not allow this." };
  }
  const parsed = definition.schema.safeParse(rawInput);
  if (!parsed.success) {
    const { fieldErrors, formErrors } = z.flattenError(parsed.error);
    const firstFieldError = Object.values(fieldErrors as Record<string, string[]>)[0]?.[0];
    return {
      ok: false,
      code: "INVALID",
      message: formErrors[0] ?? firstFieldError ?? "Some fields need attention.",
      fieldErrors: fieldErrors as Record<string, string[]>,
    };
  }
  const nul = nulPath(parsed.data);
  if (nul) {
    const field = nul.length > 0 ? String(nul[0]) : null;
    return {
      ok: false,
      code: "INVALID",
      message: NUL_MESSAGE,
      fieldErrors: field ? { [field]: [NUL_MESSAGE] } : {},
    };
  }
  try {
    return await definition.handler(parsed.data, { actor, ip });
  } catch (error) {
    if (error instanceof ActionFailure) {
      return {
        ok: false,
        code: error.code,
        message: error.message,
        fieldErrors: error.fieldErrors,
        data: error.data,
      };
    }
    throw error;
  }
}
