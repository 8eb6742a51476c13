// An HTTP receiver on this machine for what the site sends signed (webhooks, CDN purges): it
// checks each request's signature with `secret` and answers with the next of `statuses` (200 once
// they run out). With `hold`, the first request waits for `release()` before it is answered.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SIGNATURE_HEADER, verifySignature } from "@/lib/platform/http/signature";

export interface SignedRequest {
  headers: IncomingHttpHeaders;
  body: string;
  valid: boolean;
}

export async function startSignedReceiver(options: {
  secret: string;
  statuses: number[];
  path: string;
  hold?: boolean;
}) {
  const { secret, statuses, path, hold = false } = options;
  const received: SignedRequest[] = [];
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let first = true;
  const server: Server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      const header = request.headers[SIGNATURE_HEADER.toLowerCase()] as string | undefined;
      received.push({
        headers: request.headers,
        body,
        valid: verifySignature(secret, body, header, new Date()),
      });
      const answer = () => {
        response.statusCode = statuses.shift() ?? 200;
        response.end("ok");
      };
      if (hold && first) void held.then(answer);
      else answer();
      first = false;
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    received,
    release: () => release(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
