// A status a page cannot give itself. The proxy may answer a URL with a page rendered at another
// path (a rewrite), which Next sends as 200: it names the status the answer must carry in this
// header, and here, as the response goes out, the status is set and the header dropped. Only a
// 200 is changed: an error on the way keeps its own status.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Handler } from "./request-handler";

export const ANSWER_STATUS_HEADER = "x-answer-status";

function wantedStatus(response: ServerResponse): number | null {
  const value = Number(response.getHeader(ANSWER_STATUS_HEADER));
  return Number.isInteger(value) && value >= 400 && value <= 599 ? value : null;
}

export function withAnswerStatus(handle: Handler): Handler {
  return (request: IncomingMessage, response: ServerResponse) => {
    const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => ServerResponse;
    response.writeHead = function (statusCode: number, ...rest: unknown[]): ServerResponse {
      const wanted = wantedStatus(response);
      response.removeHeader(ANSWER_STATUS_HEADER);
      return writeHead(wanted !== null && statusCode === 200 ? wanted : statusCode, ...rest);
    } as ServerResponse["writeHead"];
    return handle(request, response);
  };
}
