// Per-IP limits hold only if the client cannot choose its IP. Without a trusted proxy, a spoofed
// X-Forwarded-For is ignored, so the sign-in throttle (50 failures per IP in 15 minutes,
// lib/platform/auth/sign-in.ts) still locks the real address out; behind TRUSTED_PROXY the proxy's header
// decides. Each server here has a database of its own: locking 127.0.0.1 out of the shared e2e
// server would lock every other test out with it.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IP_LIMIT } from "@/lib/platform/auth/sign-in";
import { startAppServer, type AppServer } from "../support/app-server";
import { adminQuery } from "../support/int-global-setup";
import { postCredentials } from "../support/server-actions";
import { testServerUrl, withDatabase } from "../support/test-database-url";

const LOCKED = /^Too many failed sign-ins/;
const WRONG = "Email or password is wrong.";

interface IsolatedServer {
  server: AppServer;
  dispose(): Promise<void>;
}

/** The real app (`npm start`) on a fresh database and data directory of its own. */
async function startIsolatedServer(env: Record<string, string | undefined>): Promise<IsolatedServer> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "crosscurrent-proxy-"));
  const serverUrl = testServerUrl();
  const database = `crosscurrent_proxy_${randomBytes(6).toString("hex")}`;
  if (serverUrl) await adminQuery(serverUrl, `create database ${database}`);
  const dispose = async () => {
    if (serverUrl) await adminQuery(serverUrl, `drop database if exists ${database} with (force)`);
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const server = await startAppServer({
      DATABASE_URL: serverUrl ? withDatabase(serverUrl, database) : undefined,
      TEST_DATABASE_URL: undefined,
      DATA_DIR: dataDir,
      AUTH_SECRET: "proxy-test-secret-proxy-test-secret-0123",
      TRUSTED_PROXY: undefined,
      ...env,
    });
    return {
      server,
      dispose: async () => {
        await server.stop();
        await dispose();
      },
    };
  } catch (error) {
    await dispose();
    throw error;
  }
}

/** One failed sign-in through next-auth's credentials endpoint; returns the message shown. */
async function failedSignIn(baseUrl: string, headers: Record<string, string>): Promise<string> {
  // A new account each time, so only the per-IP limit can lock anyone out.
  const email = `nobody-${randomBytes(4).toString("hex")}@crosscurrent.test`;
  const response = await postCredentials(baseUrl, email, "not the password", headers);
  const { url } = (await response.json()) as { url: string };
  return new URL(url).searchParams.get("error") ?? "";
}

/** Fails `count` sign-ins in a row, each with the headers `headersFor(i)` gives. */
async function failSignIns(
  baseUrl: string,
  count: number,
  headersFor: (i: number) => Record<string, string>,
) {
  const messages: string[] = [];
  for (let i = 0; i < count; i++) messages.push(await failedSignIn(baseUrl, headersFor(i)));
  return messages;
}

describe("without a trusted proxy", () => {
  let isolated: IsolatedServer;
  beforeAll(async () => {
    isolated = await startIsolatedServer({});
  });
  afterAll(() => isolated?.dispose());

  it("counts sign-in failures against the real address, whatever X-Forwarded-For claims", async () => {
    const { baseUrl } = isolated.server;
    const spoofed = (i: number) => ({ "x-forwarded-for": `198.51.100.${i + 1}` });
    const messages = await failSignIns(baseUrl, IP_LIMIT.limit - 1, spoofed);
    expect(new Set(messages)).toEqual(new Set([WRONG]));
    // The 50th failure locks 127.0.0.1 out, and says so; a 51st claimed address changes nothing.
    expect(await failedSignIn(baseUrl, { "x-forwarded-for": "203.0.113.199" })).toMatch(LOCKED);
    expect(await failedSignIn(baseUrl, { "x-forwarded-for": "203.0.113.200" })).toMatch(LOCKED);
    expect(await failedSignIn(baseUrl, {})).toMatch(LOCKED);
  });

  it("gives every response a request id of its own, ignoring the client's", async () => {
    const response = await fetch(`${isolated.server.baseUrl}/api/health`, {
      headers: { "x-request-id": "chosen-by-the-client" },
    });
    const id = response.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const other = (await fetch(`${isolated.server.baseUrl}/`)).headers.get("x-request-id");
    expect(other).toMatch(/^[0-9a-f-]{36}$/);
    expect(other).not.toBe(id);
  });

  it("writes one JSON access log line per request, without the query string", async () => {
    const response = await fetch(`${isolated.server.baseUrl}/search?q=private+words`);
    const id = response.headers.get("x-request-id")!;
    await expect
      .poll(() =>
        isolated.server
          .output()
          .split("\n")
          .find((line) => line.includes(id)),
      )
      .toBeDefined();
    const line = isolated.server
      .output()
      .split("\n")
      .find((l) => l.includes(id))!;
    expect(JSON.parse(line)).toMatchObject({
      level: "info",
      msg: "request",
      requestId: id,
      method: "GET",
      path: "/search",
      status: 200,
      durationMs: expect.any(Number),
    });
    expect(line).not.toContain("private");
  });
});

describe("behind a trusted proxy (TRUSTED_PROXY=127.0.0.1)", () => {
  let isolated: IsolatedServer;
  beforeAll(async () => {
    isolated = await startIsolatedServer({ TRUSTED_PROXY: "127.0.0.1" });
  });
  afterAll(() => isolated?.dispose());

  it("counts sign-in failures against the client the proxy names", async () => {
    const { baseUrl } = isolated.server;
    const client = { "x-forwarded-for": "198.51.100.7" };
    const messages = await failSignIns(baseUrl, IP_LIMIT.limit - 1, () => client);
    expect(new Set(messages)).toEqual(new Set([WRONG]));
    // The failure that reaches the limit locks the client out and says so.
    expect(await failedSignIn(baseUrl, client)).toMatch(LOCKED);
    expect(await failedSignIn(baseUrl, client)).toMatch(LOCKED);
    // Another client behind the same proxy is not locked out with it.
    expect(await failedSignIn(baseUrl, { "x-forwarded-for": "198.51.100.8" })).toBe(WRONG);
  });

  it("keeps the proxy's request id", async () => {
    const response = await fetch(`${isolated.server.baseUrl}/api/health`, {
      headers: { "x-request-id": "4f1c2a9e8b7d6c5e4f3a2b1c0d9e8f7a" },
    });
    expect(response.headers.get("x-request-id")).toBe("4f1c2a9e8b7d6c5e4f3a2b1c0d9e8f7a");
  });
});
