// Tests only (EXPOSE_NEXT_REQUEST_COUNT): every response says how many requests were handed to
// Next so far, so a test can tell an answer from the launcher's memory from one Next gave.
import type { ServerResponse } from "node:http";
import type { Handler } from "./request-handler";

export const NEXT_REQUEST_COUNT_HEADER = "X-Next-Request-Count";

/** `toNext` counted, and the count on every response `answer` starts (when `expose`). */
export function countNextRequests(
  toNext: Handler,
  expose: boolean,
): { toNext: Handler; label(response: ServerResponse): void } {
  let count = 0;
  if (!expose) return { toNext, label: () => {} };
  return {
    toNext: (request, response) => {
      count += 1;
      response.setHeader(NEXT_REQUEST_COUNT_HEADER, String(count));
      return toNext(request, response);
    },
    label: (response) => response.setHeader(NEXT_REQUEST_COUNT_HEADER, String(count)),
  };
}
