// What happens to every request before Next sees it: the client address and request id are
// settled (see forwarded-for.ts and request-id.ts), the id is echoed on the response, and the
// access log line is arranged. The host, scheme and port a proxy forwards are believed only from
// a trusted proxy; from anyone else they are dropped, and Next fills in what this server saw.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "@/lib/platform/logger";
import { createAccessLog } from "./access-log";
import { forwardedFor, normalizeAddress } from "./forwarded-for";
import { requestIdFor } from "./request-id";

export type Handler = (request: IncomingMessage, response: ServerResponse) => unknown;

const CLAIMED_BY_PROXIES = ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port"] as const;

export function withRequestContext(
  handle: Handler,
  options: { trustedProxies: ReadonlySet<string>; logger: Logger },
): Handler {
  const { trustedProxies, logger } = options;
  const accessLog = createAccessLog(logger);
  return (request, response) => {
    const startedAt = performance.now();
    const remote = request.socket.remoteAddress;
    const peer = remote ? normalizeAddress(remote) : null;
    const trusted = peer !== null && trustedProxies.has(peer);
    const headers = request.headers;

    if (peer) headers["x-forwarded-for"] = forwardedFor(headers["x-forwarded-for"], peer, trusted);
    else delete headers["x-forwarded-for"]; // the socket is already gone
    if (!trusted) for (const name of CLAIMED_BY_PROXIES) delete headers[name];
    const requestId = requestIdFor(headers["x-request-id"], trusted);
    headers["x-request-id"] = requestId;
    response.setHeader("X-Request-Id", requestId);

    accessLog?.(request, response, requestId, startedAt);
    return handle(request, response);
  };
}
