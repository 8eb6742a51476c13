// What every server action answers: success, or a failure a person can act on.
export type ActionFailureCode = "UNAUTHENTICATED" | "FORBIDDEN" | "INVALID" | "NOT_FOUND" | "CONFLICT";

export type ActionResult<T = unknown> =
  | { ok: true; message?: string; data?: T; redirectTo?: string }
  | { ok: false; code: ActionFailureCode; message: string; fieldErrors?: Record<string, string[]> };

/** Thrown inside a handler to answer with a failure (and roll back its transaction). */
export class ActionFailure extends Error {
  override name = "ActionFailure";
  constructor(
    readonly code: ActionFailureCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
  }
}

export const HTTP_STATUS: Record<ActionFailureCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  INVALID: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
};
