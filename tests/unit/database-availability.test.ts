// How the app tells that PostgreSQL is gone, and what it answers meanwhile: a connection failure
// sets off a probe; a failed probe marks the database down and probing goes on every interval
// until one succeeds; while down, requests get a 503 at once (a page, or JSON under /api).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  createAvailability,
  isConnectionError,
  RETRY_AFTER_SECONDS,
  whenDatabaseAvailable,
} from "@/lib/platform/database/availability";

const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });

describe("isConnectionError", () => {
  it("knows connection failures from query errors", () => {
    expect(isConnectionError(refused)).toBe(true);
    expect(isConnectionError(Object.assign(new Error("shutting down"), { code: "57P01" }))).toBe(true);
    expect(isConnectionError(Object.assign(new Error("starting up"), { code: "57P03" }))).toBe(true);
    expect(isConnectionError(Object.assign(new Error("no connection"), { code: "08006" }))).toBe(true);
    expect(isConnectionError(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isConnectionError(new AggregateError([refused], "all addresses failed"))).toBe(true);
    expect(isConnectionError(new Error("wrapped", { cause: refused }))).toBe(true);

    expect(isConnectionError(Object.assign(new Error("duplicate key"), { code: "23505" }))).toBe(false);
    expect(isConnectionError(Object.assign(new Error("Unique constraint"), { code: "P2002" }))).toBe(false);
    expect(isConnectionError(new Error("syntax error"))).toBe(false);
    expect(isConnectionError(null)).toBe(false);
    expect(isConnectionError("ECONNREFUSED")).toBe(false);
  });
});

describe("createAvailability", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** A probe whose answers the test decides: true = the database answers. */
  function scriptedProbe(...answers: boolean[]) {
    const probe = vi.fn(() => (answers.shift() ? Promise.resolve() : Promise.reject(refused)));
    return probe;
  }

  it("ignores errors that are not about the connection", async () => {
    const probe = scriptedProbe(false);
    const availability = createAvailability(probe, 1000);
    availability.noteError(Object.assign(new Error("duplicate key"), { code: "23505" }));
    await vi.advanceTimersByTimeAsync(5000);
    expect(probe).not.toHaveBeenCalled();
    expect(availability.down).toBe(false);
  });

  it("stays up when the probe after a dropped connection succeeds", async () => {
    const probe = scriptedProbe(true);
    const availability = createAvailability(probe, 1000);
    availability.noteError(new Error("Connection terminated unexpectedly"));
    await vi.advanceTimersByTimeAsync(0);
    expect(probe).toHaveBeenCalledTimes(1);
    expect(availability.down).toBe(false);
  });

  it("goes down on a failed probe, probes every interval, and comes back up on its own", async () => {
    const probe = scriptedProbe(false, false, false, true);
    const availability = createAvailability(probe, 1000);
    availability.noteError(refused);
    availability.noteError(refused); // one probe at a time, however many requests fail
    expect(availability.checking).toBeInstanceOf(Promise);
    expect(availability.down).toBe(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(probe).toHaveBeenCalledTimes(1);
    expect(availability.down).toBe(true);
    expect(availability.checking).toBeNull(); // down is known: nobody waits for the next probes

    availability.noteError(refused); // while down, the probing loop is already running
    await vi.advanceTimersByTimeAsync(1000);
    expect(probe).toHaveBeenCalledTimes(2);
    expect(availability.down).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(probe).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(1000);
    expect(probe).toHaveBeenCalledTimes(4);
    expect(availability.down).toBe(false);

    await vi.advanceTimersByTimeAsync(10_000);
    expect(probe).toHaveBeenCalledTimes(4); // up again: no more probing

    availability.noteError(refused); // a second outage is noticed like the first
    await vi.advanceTimersByTimeAsync(0);
    expect(probe).toHaveBeenCalledTimes(5);
  });

  it("stops probing when stopped", async () => {
    const probe = scriptedProbe(false, false, false);
    const availability = createAvailability(probe, 1000);
    availability.noteError(refused);
    await vi.advanceTimersByTimeAsync(0);
    availability.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(probe).toHaveBeenCalledTimes(1);
  });
});

describe("whenDatabaseAvailable", () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  type State = { down: boolean; checking?: Promise<void> | null };
  type Next = (request: IncomingMessage, response: ServerResponse, state: State) => void;

  async function start(state: State, next: Next = (_request, response) => response.end("from Next")) {
    server = createServer(
      whenDatabaseAvailable(
        (request, response) => next(request, response, state),
        () => ({ down: state.down, checking: state.checking ?? null }),
      ),
    );
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it("passes requests on while the database is up", async () => {
    const baseUrl = await start({ down: false });
    const response = await fetch(`${baseUrl}/search?q=x`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("from Next");
  });

  it("answers 503 with Retry-After while it is down: a page for people, JSON for the API", async () => {
    const baseUrl = await start({ down: true });

    const page = await fetch(`${baseUrl}/articles/some-article`);
    expect(page.status).toBe(503);
    expect(page.headers.get("retry-after")).toBe(String(RETRY_AFTER_SECONDS));
    expect(page.headers.get("cache-control")).toBe("no-store");
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await page.text();
    expect(html).toContain("<title>Temporarily unavailable · Crosscurrent</title>");
    expect(html).toContain('<html lang="en">');

    const api = await fetch(`${baseUrl}/api/comments`, { method: "POST", body: "{}" });
    expect(api.status).toBe(503);
    expect(api.headers.get("retry-after")).toBe(String(RETRY_AFTER_SECONDS));
    expect(await api.json()).toEqual({
      error: { code: "DATABASE_UNAVAILABLE", message: expect.stringMatching(/database/) },
    });

    const health = await fetch(`${baseUrl}/api/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ status: "error", database: "down" });

    const head = await fetch(`${baseUrl}/`, { method: "HEAD" });
    expect(head.status).toBe(503);
    expect(await head.text()).toBe("");
  });

  it("holds requests while a connection failure is checked, then routes them by the answer", async () => {
    let settle!: () => void;
    const state: { down: boolean; checking: Promise<void> | null } = {
      down: false,
      checking: new Promise<void>((resolve) => (settle = resolve)),
    };
    const baseUrl = await start(state);
    let answered = false;
    const pending = fetch(`${baseUrl}/search?q=x`).then((response) => {
      answered = true;
      return response;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(answered).toBe(false);
    state.down = true; // the probe failed
    state.checking = null;
    settle();
    expect((await pending).status).toBe(503);
  });

  it("answers 503, not Next's 500, for a request under way when the database went away", async () => {
    const failures: Next[] = [
      // A route handler's own error answer.
      (_request, response, state) => {
        state.down = true;
        response.statusCode = 500;
        response.setHeader("Content-Type", "application/json");
        response.end(JSON.stringify({ error: { code: "SERVER_ERROR" } }));
      },
      // An error page, headers first, streamed.
      (_request, response, state) => {
        state.checking = new Promise(() => {});
        response.setHeader("X-Request-Id", "abc");
        response.writeHead(500, { "Content-Type": "text/html" });
        response.write("<html>500");
        response.end("</html>");
      },
    ];
    for (const [i, failure] of failures.entries()) {
      const baseUrl = await start({ down: false }, failure);
      const api = await fetch(`${baseUrl}/api/comments`, { method: "POST", body: "{}" });
      expect(api.status, `failure ${i}`).toBe(503);
      expect(api.headers.get("retry-after")).toBe(String(RETRY_AFTER_SECONDS));
      expect((await api.json()) as unknown).toMatchObject({ error: { code: "DATABASE_UNAVAILABLE" } });
      await new Promise<void>((resolve) => server!.close(() => resolve()));
      server = undefined;
    }

    const baseUrl = await start({ down: false }, failures[1]);
    const page = await fetch(`${baseUrl}/articles/x`);
    expect(page.status).toBe(503);
    expect(page.headers.get("x-request-id")).toBe("abc");
    expect(await page.text()).toContain("Temporarily unavailable");
  });

  it("leaves a 500 alone while the database is up", async () => {
    const baseUrl = await start({ down: false }, (_request, response) => {
      response.statusCode = 500;
      response.end("a bug");
    });
    const response = await fetch(`${baseUrl}/x`);
    expect(response.status).toBe(500);
    expect(await response.text()).toBe("a bug");
  });

  it("still serves Next's static files while it is down", async () => {
    const baseUrl = await start({ down: true });
    const response = await fetch(`${baseUrl}/_next/static/chunks/app.js`);
    expect(response.status).toBe(200);
  });
});
