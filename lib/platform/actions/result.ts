// What every server action answers: success, or a failure a person can act on.
export type ActionFailureCode = "UNAUTHENTICATED" | "FORBIDDEN" | "INVALID" | "NOT_FOUND" | "CONFLICT";

export type ActionResult<T = unknown> =
  | { ok: true; message?: string; data?: T; redirectTo?: string }
  | {
      ok: false;
      code: ActionFailureCode;
      message: string;
      fieldErrors?: Record<string, string[]>;
      /** What the caller needs to resolve it, e.g. the server's version in a conflict. */
      data?: unknown;
    };

/** Thrown inside a handler to answer with a failure (and roll back its transaction). */
export class ActionFailure extends Error {
  override name = "ActionFailure";
  constructor(
    readonly code: ActionFailureCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
    readonly data?: unknown,
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
