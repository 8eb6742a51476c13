// How the launcher's front thread (front.ts) hands a request to Next: over a private socket, to
// the HTTP server Next runs on in the main thread, as one keep-alive connection pool. The request
// goes as the front settled it (its X-Forwarded-For and X-Request-Id, request-handler.ts) and the
// answer comes back as Next gave it, streamed, cookies and all. Only the headers that belong to one
// connection stay behind (RFC 9110 §7.6.1).
import { Agent, request as httpRequest, type IncomingHttpHeaders, type OutgoingHttpHeaders } from "node:http";
import type { Handler } from "./request-handler";

const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "transfer-encoding",
  "te",
  "trailer",
  "upgrade",
  // The front has already answered a client's `Expect: 100-continue` itself.
  "expect",
]);

function endToEnd(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const named = new Set(HOP_BY_HOP);
  // Headers the Connection header names are the connection's too.
  for (const name of String(headers.connection ?? "").split(",")) named.add(name.trim().toLowerCase());
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !named.has(name)) out[name] = value;
  }
  return out;
}

/** A handler that passes every request to the HTTP server listening on `socketPath`. */
export function proxyTo(socketPath: string, onError: (error: Error) => void): Handler & { close(): void } {
  const agent = new Agent({ keepAlive: true });
  const handle: Handler = (request, response) => {
    const upstream = httpRequest({
      agent,
      socketPath,
      method: request.method,
      path: request.url,
      headers: endToEnd(request.headers),
    });
    upstream.on("response", (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.statusMessage, endToEnd(answer.headers));
      answer.pipe(response);
      answer.on("error", () => response.destroy());
    });
    upstream.on("error", (error) => {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      onError(error);
      response.writeHead(502, { "content-type": "text/plain; charset=utf-8" });
      response.end("The site could not answer this request. Please try again in a moment.");
    });
    // A client that goes away takes its request to Next with it.
    response.on("close", () => {
      if (!response.writableFinished) upstream.destroy();
    });
    request.pipe(upstream);
  };
  return Object.assign(handle, { close: () => agent.destroy() });
}
