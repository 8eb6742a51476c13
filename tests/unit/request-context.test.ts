// What the launcher does to every request before Next sees it: the client address, the request
// id, and one access log line that names the request but never the person.
import { createServer, get as httpGet, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { loggablePath } from "@/lib/platform/server/access-log";
import { parseTrustedProxies } from "@/lib/platform/server/forwarded-for";
import { requestIdFor } from "@/lib/platform/server/request-id";
import { withRequestContext } from "@/lib/platform/server/request-handler";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("requestIdFor", () => {
  it("keeps a trusted proxy's id and replaces anyone else's", () => {
    expect(requestIdFor("4f1c2a9e8b7d6c5e4f3a2b1c0d9e8f7a", true)).toBe("4f1c2a9e8b7d6c5e4f3a2b1c0d9e8f7a");
    expect(requestIdFor("client-chosen", false)).toMatch(UUID);
    expect(requestIdFor(undefined, true)).toMatch(UUID);
  });

  it("replaces a trusted proxy's id that could garble a log line", () => {
    expect(requestIdFor('a" injected="1', true)).toMatch(UUID);
    expect(requestIdFor("x".repeat(129), true)).toMatch(UUID);
    expect(requestIdFor(["a", "b"], true)).toMatch(UUID);
  });
});

describe("loggablePath", () => {
  it("drops the query string and masks anything that looks like an email", () => {
    expect(loggablePath("/search?q=secret+words")).toBe("/search");
    expect(loggablePath("/articles/a-slug")).toBe("/articles/a-slug");
    expect(loggablePath("/admin/commenters/reader@example.com/export?x=1")).toBe(
      "/admin/commenters/[redacted]/export",
    );
    expect(loggablePath("/x/reader%40example.com")).toBe("/x/[redacted]");
    expect(loggablePath(undefined)).toBe("/");
  });
});

interface Seen {
  forwardedFor: string | undefined;
  requestId: string | undefined;
  forwardedHost: string | undefined;
  forwardedProto: string | undefined;
  forwardedPort: string | undefined;
}

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/**
 * A server whose "Next" reports the headers it was handed, behind withRequestContext. It listens
 * on all interfaces, so a request to 127.0.0.1 arrives from ::ffff:127.0.0.1, as in production.
 */
async function start(trustedProxy: string | undefined, logLevel = "info") {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level: logLevel }, { write: (line: string) => lines.push(JSON.parse(line)) });
  const handle = withRequestContext(
    (request, response) => {
      const seen: Seen = {
        forwardedFor: request.headers["x-forwarded-for"] as string | undefined,
        requestId: request.headers["x-request-id"] as string | undefined,
        forwardedHost: request.headers["x-forwarded-host"] as string | undefined,
        forwardedProto: request.headers["x-forwarded-proto"] as string | undefined,
        forwardedPort: request.headers["x-forwarded-port"] as string | undefined,
      };
      response.statusCode = request.url?.startsWith("/missing") ? 404 : 200;
      response.setHeader("Set-Cookie", "session=secret");
      response.end(JSON.stringify(seen));
    },
    { trustedProxies: parseTrustedProxies(trustedProxy), logger },
  );
  server = createServer(handle);
  await new Promise<void>((resolve) => server!.listen(0, "::", resolve));
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, lines };
}

async function get(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers });
  return { response, seen: (await response.json()) as Seen };
}

describe("withRequestContext", () => {
  it("without a trusted proxy, replaces a spoofed X-Forwarded-For and X-Request-Id", async () => {
    const { base } = await start(undefined);
    const { response, seen } = await get(`${base}/`, {
      "x-forwarded-for": "6.6.6.6",
      "x-request-id": "chosen-by-client",
    });
    expect(seen.forwardedFor).toBe("127.0.0.1");
    expect(seen.requestId).toMatch(UUID);
    expect(response.headers.get("x-request-id")).toBe(seen.requestId);
  });

  it("from a trusted proxy, keeps its chain (appending it) and its request id", async () => {
    const { base } = await start("::ffff:127.0.0.1");
    const { response, seen } = await get(`${base}/`, {
      "x-forwarded-for": "198.51.100.7",
      "x-request-id": "4f1c2a9e8b7d6c5e",
    });
    expect(seen.forwardedFor).toBe("198.51.100.7, 127.0.0.1");
    expect(seen.requestId).toBe("4f1c2a9e8b7d6c5e");
    expect(response.headers.get("x-request-id")).toBe("4f1c2a9e8b7d6c5e");
  });

  it("drops the host, scheme and port a client claims, and keeps a trusted proxy's", async () => {
    const claimed = {
      "x-forwarded-host": "attacker.example",
      "x-forwarded-proto": "https",
      "x-forwarded-port": "8443",
    };
    const direct = await start(undefined);
    const { seen: fromClient } = await get(`${direct.base}/`, claimed);
    expect(fromClient.forwardedHost).toBeUndefined();
    expect(fromClient.forwardedProto).toBeUndefined();
    expect(fromClient.forwardedPort).toBeUndefined();
    server!.close();
    const proxied = await start("::ffff:127.0.0.1");
    const { seen: fromProxy } = await get(`${proxied.base}/`, claimed);
    expect(fromProxy).toMatchObject({
      forwardedHost: "attacker.example",
      forwardedProto: "https",
      forwardedPort: "8443",
    });
  });

  it("logs one line per request with method, path, status, duration and id, and nothing personal", async () => {
    const { base, lines } = await start(undefined);
    const { response } = await get(`${base}/missing/page?email=reader@example.com&q=words`, {
      cookie: "next-auth.session-token=secret",
    });
    await expect.poll(() => lines.length).toBe(1);
    expect(lines[0]).toMatchObject({
      msg: "request",
      method: "GET",
      path: "/missing/page",
      status: 404,
      requestId: response.headers.get("x-request-id"),
    });
    expect(lines[0]!.durationMs).toEqual(expect.any(Number));
    const text = JSON.stringify(lines[0]);
    for (const secret of ["reader@example.com", "words", "secret", "cookie", "6.6.6.6"]) {
      expect(text).not.toContain(secret);
    }
  });

  it("writes the logger's own line: pino's keys in pino's order, valid JSON whatever the path", async () => {
    const { base, lines } = await start(undefined);
    // A path as a client may send it, quotes and backslashes unescaped (fetch would escape them).
    const rawPath = '/a"quoted\\path';
    const requestId = await new Promise<string | undefined>((resolve, reject) =>
      httpGet({ host: "127.0.0.1", port: new URL(base).port, path: rawPath }, (answer) => {
        answer.resume();
        resolve(answer.headers["x-request-id"] as string | undefined);
      }).on("error", reject),
    );
    await expect.poll(() => lines.length).toBe(1);
    const line = lines[0]!;
    // What pino itself writes for the same fields, from a logger made as the test's is.
    const own: Record<string, unknown>[] = [];
    pino({ level: "info" }, { write: (text: string) => own.push(JSON.parse(text)) }).info(
      { requestId: "x", method: "GET", path: "/", status: 200, durationMs: 0 },
      "request",
    );
    expect(Object.keys(line)).toEqual(Object.keys(own[0]!));
    expect(line).toMatchObject({
      level: "info",
      pid: process.pid,
      requestId,
    });
    expect(line.path).toBe(rawPath);
    expect(new Date(line.time as string).toISOString()).toBe(line.time);
    expect(Math.abs(Date.parse(line.time as string) - Date.now())).toBeLessThan(5_000);
  });

  it("says when the client went away before the answer was done", async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = pino({ level: "info" }, { write: (line: string) => lines.push(JSON.parse(line)) });
    const handle = withRequestContext(
      (_request, response) => {
        response.write("part of it");
        setTimeout(() => response.end(), 500);
      },
      { trustedProxies: new Set(), logger },
    );
    server = createServer(handle);
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const aborting = new AbortController();
    const response = await fetch(`http://127.0.0.1:${port}/slow`, { signal: aborting.signal });
    expect(response.status).toBe(200);
    aborting.abort();
    await expect.poll(() => lines.length).toBe(1);
    expect(lines[0]).toMatchObject({ msg: "request aborted", aborted: true, path: "/slow", status: 200 });
  });

  it("logs nothing at LOG_LEVEL=silent", async () => {
    const { base, lines } = await start(undefined, "silent");
    await get(`${base}/`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(lines).toEqual([]);
  });
});
