// Tests only (EXPOSE_NEXT_REQUEST_COUNT): every response says how many requests were handed to
// Next so far, so a test can tell an answer from the launcher's memory from one Next gave.
import type { ServerResponse } from "node:http";
import type { Handler } from "./request-handler";

export const NEXT_REQUEST_COUNT_HEADER = "X-Next-Request-Count";

/**
 * `toNext`, counting the requests it is given, and `label`, which puts the count so far on any
 * other response (a memory hit). Without `expose`, nothing is counted or labelled.
 */
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
