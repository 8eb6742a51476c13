// The routes the launcher answers itself (lib/platform/server/direct-routes.ts): a registered
// route never reaches the handler behind it (Next), gets the request as a route handler would,
// and its answer goes out as Next would send it; anything else passes through untouched.
import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type Server,
} from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readBody } from "@/lib/platform/http/read-body";
import { FIXED_SECURITY_HEADERS } from "@/lib/platform/http/fixed-security-headers";
import {
  DIRECT_ROUTE_HEADER,
  registerDirectRoute,
  withDirectRoutes,
} from "@/lib/platform/server/direct-routes";

const SITE = "https://news.example";
// Paths of this file's own: the registry is the process's.
const ECHO = "/test/direct-routes/echo";
const LIMITED = "/test/direct-routes/limited";
const THROWS = "/test/direct-routes/throws";

const passedOn: string[] = [];
const failures: unknown[] = [];
let server: Server;
let base: string;
const agent = new Agent({ keepAlive: true, maxSockets: 1 });

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  socketPort: number | undefined;
}

/** `body` goes with a Content-Length; `chunks` go chunked, announcing no length. */
function send(
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string; chunks?: string[] } = {},
) {
  return new Promise<Answer>((resolve, reject) => {
    const request = httpRequest(
      `${base}${path}`,
      { method: init.method ?? "GET", headers: init.headers, agent },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode!,
            headers: response.headers,
            body,
            socketPort: request.socket?.localPort,
          }),
        );
      },
    );
    request.on("error", reject);
    for (const chunk of init.chunks ?? []) request.write(chunk);
    request.end(init.body);
  });
}

beforeAll(async () => {
  registerDirectRoute("POST", ECHO, async (request) => {
    const body = await request.text();
    const answer = Response.json(
      { method: request.method, url: request.url, cookie: request.headers.get("cookie"), body },
      { status: 201, headers: { "X-Frame-Options": "SAMEORIGIN", "X-Middleware-Set-Cookie": "a=1" } },
    );
    answer.headers.append("Set-Cookie", "a=1; Path=/; HttpOnly");
    answer.headers.append("Set-Cookie", "b=2; Path=/");
    return answer;
  });
  registerDirectRoute("POST", LIMITED, async (request) => {
    const body = await readBody(request, { maxBytes: 1024 });
    return Response.json(body.ok ? { fields: body.fields } : { error: body.refusal }, {
      status: body.ok ? 200 : 413,
    });
  });
  registerDirectRoute("POST", THROWS, async () => {
    throw new Error("the handler broke");
  });
  server = createServer(
    withDirectRoutes(
      (request, response) => {
        passedOn.push(`${request.method} ${request.url}`);
        response.end("from behind");
      },
      { siteOrigin: SITE, onError: (error) => failures.push(error), label: true },
    ),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  agent.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("withDirectRoutes", () => {
  it("answers a registered route with its handler, at the site's origin, and passes on nothing", async () => {
    passedOn.length = 0;
    const answer = await send(`${ECHO}?draft=1`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Cookie: "reader=ann" },
      body: JSON.stringify({ body: "A comment." }),
    });
    expect(answer.status).toBe(201);
    expect(JSON.parse(answer.body)).toEqual({
      method: "POST",
      url: `${SITE}${ECHO}?draft=1`,
      cookie: "reader=ann",
      body: JSON.stringify({ body: "A comment." }),
    });
    expect(answer.headers[DIRECT_ROUTE_HEADER.toLowerCase()]).toBe(`POST ${ECHO}`);
    expect(passedOn).toEqual([]);
  });

  it("sends each cookie on its own header, the site's fixed security headers, and none of Next's own", async () => {
    const answer = await send(ECHO, { method: "POST", body: "" });
    expect(answer.headers["set-cookie"]).toEqual(["a=1; Path=/; HttpOnly", "b=2; Path=/"]);
    for (const { key, value } of FIXED_SECURITY_HEADERS)
      expect(answer.headers[key.toLowerCase()]).toBe(value);
    expect(answer.headers["x-middleware-set-cookie"]).toBeUndefined();
    expect(answer.headers["content-type"]).toMatch(/^application\/json/);
  });

  it("passes other methods and paths on untouched", async () => {
    passedOn.length = 0;
    for (const [method, path] of [
      ["GET", ECHO],
      ["POST", `${ECHO}/`],
      ["POST", `${ECHO}x`],
      ["POST", "/"],
    ]) {
      const answer = await send(path!, { method, body: method === "GET" ? undefined : "x" });
      expect(answer.body).toBe("from behind");
      expect(answer.headers[DIRECT_ROUTE_HEADER.toLowerCase()]).toBeUndefined();
    }
    expect(passedOn).toEqual([`GET ${ECHO}`, `POST ${ECHO}/`, `POST ${ECHO}x`, "POST /"]);
  });

  it("lets a handler stop reading a body over its limit and still answer on the same connection", async () => {
    // No length announced: the handler reads until the limit, then cancels the rest.
    const tooLarge = await send(LIMITED, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      chunks: ['{"body":"', ...Array.from({ length: 64 }, () => "x".repeat(8 * 1024)), '"}'],
    });
    expect(tooLarge.status).toBe(413);
    expect(JSON.parse(tooLarge.body).error.code).toBe("TOO_LARGE");

    const next = await send(LIMITED, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ body: "short" }),
    });
    expect(next.status).toBe(200);
    expect(JSON.parse(next.body)).toEqual({ fields: { body: "short" } });
    expect(next.socketPort).toBe(tooLarge.socketPort);
  });

  it("answers a handler that throws with a JSON 500, and reports the error", async () => {
    failures.length = 0;
    const answer = await send(THROWS, { method: "POST", body: "" });
    expect(answer.status).toBe(500);
    expect(JSON.parse(answer.body).error.code).toBe("SERVER_ERROR");
    expect(answer.headers["cache-control"]).toBe("private, no-store");
    expect((failures[0] as Error).message).toBe("the handler broke");
  });
});
