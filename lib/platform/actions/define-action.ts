import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { clientIpFromHeaders } from "@/lib/platform/http/client-ip";
import { formFields } from "@/lib/platform/http/read-body";
import { getCurrentUser } from "@/lib/platform/session";
import type { ActionResult } from "./result";
import { runAction, type ActionDefinition } from "./run-action";

export type ServerAction<T = unknown> = ((
  stateOrInput?: unknown,
  formData?: FormData,
) => Promise<ActionResult<T>>) & { definition: ActionDefinition };

/**
 * A server action that checks the caller's permission, validates its input and then runs
 * `handler`. Callable from a form with useActionState (state, formData) or directly (input).
 */
export function defineAction<S extends z.ZodType, T>(definition: ActionDefinition<S, T>): ServerAction<T> {
  const action = async (stateOrInput?: unknown, formData?: FormData) => {
    const input = formData instanceof FormData ? formFields(formData, { files: true }) : stateOrInput;
    const ip = clientIpFromHeaders(await headers());
    const result = await runAction(definition, await getCurrentUser(), input, ip);
    if (result.ok && result.redirectTo) redirect(result.redirectTo);
    return result;
  };
  return Object.assign(action, { definition: definition as unknown as ActionDefinition });
}
