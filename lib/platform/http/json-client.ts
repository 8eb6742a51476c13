// The browser's side of the JSON routes: a route's answer, `{ data?, message? }` or a refusal
// (json-errors.ts), read into the ActionResult that forms already show for server actions.
import type { ActionResult } from "@/lib/platform/actions/result";
import { errorOfBody } from "./json-errors";

/**
 * Sends a request to one of our JSON routes. `what` names it in the messages for the failures
 * the server could not explain: no connection, or an answer that is not ours.
 */
export async function fetchResult<T = unknown>(
  url: string,
  init: RequestInit,
  what = "The request",
): Promise<ActionResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch {
    return {
      ok: false,
      code: "SERVER_ERROR",
      message: `${what} did not reach the server. Check the connection and try again.`,
    };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok && typeof body === "object" && body !== null) {
    const { data, message } = body as { data?: T; message?: unknown };
    return { ok: true, data, ...(typeof message === "string" ? { message } : {}) };
  }
  const error = errorOfBody(body);
  if (error) return { ok: false, ...error };
  return { ok: false, code: "SERVER_ERROR", message: `${what} failed (HTTP ${response.status}). Try again.` };
}
