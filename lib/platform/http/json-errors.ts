// The one shape of every JSON refusal, from every route handler and from the launcher:
// `{ "error": { "code", "message", "fieldErrors"? } }`, never cached (docs/api.md).
// The code names the kind of refusal and decides the status; server actions answer React forms
// with an ActionResult that uses the same codes. Client-safe: no server-only imports.

/** Every refusal code, with the HTTP status it is answered with. */
export const ERROR_STATUS = {
  INVALID: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CROSS_SITE: 403,
  COMMENTS_CLOSED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_LARGE: 413,
  RATE_LIMITED: 429,
  WITHDRAWN: 451,
  SERVER_ERROR: 500,
  DATABASE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** Field name → what is wrong with it, one message or more. */
export type FieldErrors = Record<string, string[]>;

/** The body's `error`. */
export interface JsonError {
  code: ErrorCode;
  message: string;
  fieldErrors?: FieldErrors;
}

/** A refusal as the code decides it: its status is `ERROR_STATUS[code]`. */
export interface Refusal extends JsonError {
  /** Sent as Retry-After. */
  retryAfterSeconds?: number;
}

export const NO_STORE = { "Cache-Control": "private, no-store" } as const;

export const SERVER_ERROR: Refusal = {
  code: "SERVER_ERROR",
  message: "Something went wrong on our side. Please try again in a moment.",
};

/** Status, headers and body text of a refusal: for web Responses and Node's ServerResponse alike. */
export function errorPayload(
  refusal: Refusal,
  headers: Record<string, string> = {},
): { status: number; headers: Record<string, string>; body: string } {
  const { code, message, fieldErrors, retryAfterSeconds } = refusal;
  const error: JsonError = { code, message, ...(fieldErrors ? { fieldErrors } : {}) };
  return {
    status: ERROR_STATUS[code],
    headers: {
      "Content-Type": "application/json",
      ...NO_STORE,
      ...(retryAfterSeconds !== undefined ? { "Retry-After": String(retryAfterSeconds) } : {}),
      ...headers,
    },
    body: JSON.stringify({ error }),
  };
}

/** The refusal as a route handler's response. `headers` add to (or override) the defaults. */
export function jsonError(refusal: Refusal, headers?: Record<string, string>): Response {
  const { status, headers: all, body } = errorPayload(refusal, headers);
  return new Response(body, { status, headers: all });
}

/** The `error` of a refusal's body, or null when `body` is not one. */
export function errorOfBody(body: unknown): JsonError | null {
  if (typeof body !== "object" || body === null || !("error" in body)) return null;
  const error = (body as { error: unknown }).error;
  if (typeof error !== "object" || error === null) return null;
  const { code, message, fieldErrors } = error as Record<string, unknown>;
  if (typeof code !== "string" || !(code in ERROR_STATUS) || typeof message !== "string") return null;
  return {
    code: code as ErrorCode,
    message,
    ...(typeof fieldErrors === "object" && fieldErrors !== null
      ? { fieldErrors: fieldErrors as FieldErrors }
      : {}),
  };
}
