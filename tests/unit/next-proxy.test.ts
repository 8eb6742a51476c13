// The front thread's way to Next (lib/platform/server/next-proxy.ts): a request goes over the
// private socket as the front settled it, and Next's answer comes back whole, streamed, with its
// cookies, and without the headers that belong to one connection.
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { proxyTo } from "@/lib/platform/server/next-proxy";
import type { Handler } from "@/lib/platform/server/request-handler";

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function listening(server: Server, where: string | number): Promise<void> {
  cleanups.push(() => new Promise((resolve) => server.close(resolve)));
  cleanups.push(() => server.closeAllConnections());
  return new Promise((resolve) => server.listen(where, () => resolve()));
}

/** A front on a loopback port, passing everything to `next` on a socket of its own. */
async function frontFor(next: Handler | null): Promise<{ url: string; errors: Error[] }> {
  const dir = await mkdtemp(path.join(tmpdir(), "proxy-test-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const socket = path.join(dir, "next.sock");
  if (next) await listening(createServer(next), socket);
  const errors: Error[] = [];
  const proxy = proxyTo(socket, (error) => errors.push(error));
  cleanups.push(() => proxy.close());
  const front = createServer(proxy);
  await listening(front, 0);
  return { url: `http://127.0.0.1:${(front.address() as AddressInfo).port}`, errors };
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

function send(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string[] } = {},
) {
  return new Promise<Answer>((resolve, reject) => {
    const request = httpRequest(url, { method: init.method ?? "GET", headers: init.headers }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body }));
    });
    request.on("error", reject);
    for (const part of init.body ?? []) request.write(part);
    request.end();
  });
}

describe("proxyTo", () => {
  it("passes the method, path, headers and body, and keeps the connection's own headers back", async () => {
    let seen: { method?: string; url?: string; headers: IncomingHttpHeaders; body: string } | null = null;
    const { url } = await frontFor((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString()));
      request.on("end", () => {
        seen = { method: request.method, url: request.url, headers: request.headers, body };
        response.end("ok");
      });
    });
    const answer = await send(`${url}/api/comments?x=1`, {
      method: "POST",
      headers: {
        "x-forwarded-for": "203.0.113.7",
        "x-request-id": "front-id",
        connection: "keep-alive, x-hop",
        "x-hop": "one connection only",
        "transfer-encoding": "chunked",
      },
      body: ["first part, ", "second part"],
    });
    expect(answer).toMatchObject({ status: 200, body: "ok" });
    expect(seen).toMatchObject({ method: "POST", url: "/api/comments?x=1", body: "first part, second part" });
    expect(seen!.headers).toMatchObject({ "x-forwarded-for": "203.0.113.7", "x-request-id": "front-id" });
    expect(seen!.headers["x-hop"]).toBeUndefined();
  });

  it("gives Next's answer back with its status, every cookie, and a body written in parts", async () => {
    const { url } = await frontFor((_request, response) => {
      response.writeHead(201, "Created", {
        "set-cookie": ["a=1; HttpOnly", "b=2; Secure"],
        "content-type": "text/html; charset=utf-8",
        "keep-alive": "timeout=77",
      });
      response.write("<p>streamed ");
      setImmediate(() => response.end("in parts</p>"));
    });
    const answer = await send(`${url}/page`);
    expect(answer.status).toBe(201);
    expect(answer.headers["set-cookie"]).toEqual(["a=1; HttpOnly", "b=2; Secure"]);
    expect(answer.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(answer.headers["keep-alive"]).not.toBe("timeout=77");
    expect(answer.body).toBe("<p>streamed in parts</p>");
  });

  it("answers 502 with a message a person can read when Next cannot be reached", async () => {
    const { url, errors } = await frontFor(null);
    const answer = await send(`${url}/`);
    expect(answer.status).toBe(502);
    expect(answer.body).toMatch(/could not answer this request/);
    expect(errors).toHaveLength(1);
  });

  it("drops the request to Next when the client goes away", async () => {
    let closedUpstream!: () => void;
    const upstreamClosed = new Promise<void>((resolve) => (closedUpstream = resolve));
    const { url } = await frontFor((_request, response) => {
      response.writeHead(200);
      response.write("first part");
      response.on("close", closedUpstream); // never ended: only the client's leaving closes it
    });
    await new Promise<void>((resolve, reject) => {
      const request = httpRequest(`${url}/slow`, (response) => {
        response.once("data", () => {
          request.destroy();
          resolve();
        });
      });
      request.on("error", () => {});
      request.on("close", resolve);
      request.end();
      setTimeout(() => reject(new Error("no answer")), 5_000).unref();
    });
    await upstreamClosed;
  });
});
