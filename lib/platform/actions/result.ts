// What every server action answers: success, or a failure a person can act on. Failures use the
// codes of the JSON refusals (lib/platform/http/json-errors.ts), so a form and an API client
// learn the same vocabulary.
import type { ErrorCode, FieldErrors } from "@/lib/platform/http/json-errors";

export type ActionFailureCode = ErrorCode;

export type ActionResult<T = unknown> =
  | { ok: true; message?: string; data?: T; redirectTo?: string }
  | {
      ok: false;
      code: ActionFailureCode;
      message: string;
      fieldErrors?: FieldErrors;
      /** What the caller needs to resolve it, e.g. the server's version in a conflict. */
      data?: unknown;
    };

/** Thrown inside a handler to answer with a failure (and roll back its transaction). */
export class ActionFailure extends Error {
  override name = "ActionFailure";
  constructor(
    readonly code: ActionFailureCode,
    message: string,
    readonly fieldErrors?: FieldErrors,
    readonly data?: unknown,
  ) {
    super(message);
  }
}
