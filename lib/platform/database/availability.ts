// Whether PostgreSQL answers, as this process last found out, so that while it does not every
// request is answered at once with a 503 rather than left to fail (or hang) one by one.
//
// The app's pool connects through AvailabilityWatchingClient (lib/platform/db.ts): a connection that
// cannot be opened, or that the server drops, sets off a probe (`select 1` on a connection of its
// own). A failed probe marks the database down and probes again every second until one succeeds;
// a succeeding probe marks it up, and the pool reconnects on its own. A lone dropped connection
// (a backend terminated by an administrator) therefore costs one probe, not an outage.
//
// The launcher (lib/platform/server/start-next.ts) and Next's bundle load this
// module separately, so the state lives on globalThis, like the Prisma client in lib/platform/db.ts.
import type { IncomingMessage, ServerResponse } from "node:http";
import pg from "pg";
import { errorPayload } from "@/lib/platform/http/json-errors";

export const PROBE_INTERVAL_MS = 1000;
const PROBE_TIMEOUT_MS = 1000;
/** What a 503 tells clients (and load balancers) to wait before trying again. */
export const RETRY_AFTER_SECONDS = 5;

export interface Availability {
  /** True from a failed probe until the next successful one. */
  readonly down: boolean;
  /** While a probe set off by a connection failure runs (the database was up until then): its end. */
  readonly checking: Promise<void> | null;
  /** Tells it about an error from the database driver; only connection failures matter. */
  noteError(error: unknown): void;
  /** Stops probing (tests). */
  stop(): void;
}

// Node's socket errors, and PostgreSQL's connection exceptions (class 08) and shutdowns
// (57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now).
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);
const SHUTDOWN_CODES = new Set(["57P01", "57P02", "57P03"]);
const LOST_CONNECTION = /^Connection terminated|connection error and is not queryable|Connection timeout/i;

/** Whether `error` says the connection to PostgreSQL failed (rather than a query). */
export function isConnectionError(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, message, cause } = error as { code?: unknown; message?: unknown; cause?: unknown };
  if (typeof code === "string" && (SOCKET_CODES.has(code) || SHUTDOWN_CODES.has(code) || /^08/.test(code))) {
    return true;
  }
  if (typeof message === "string" && LOST_CONNECTION.test(message)) return true;
  // AggregateError (a host with several addresses) and wrapped driver errors.
  const inner = (error as { errors?: unknown }).errors;
  if (Array.isArray(inner) && inner.some(isConnectionError)) return true;
  return cause !== undefined && cause !== error && isConnectionError(cause);
}

/** Tracks availability with `probe` (resolves when the database answers). */
export function createAvailability(probe: () => Promise<void>, intervalMs = PROBE_INTERVAL_MS): Availability {
  let state: "up" | "checking" | "down" = "up";
  let checking: Promise<void> | null = null;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const check = (): Promise<void> => {
    timer = undefined;
    return probe().then(
      () => {
        state = "up";
      },
      () => {
        state = "down";
        if (!stopped) timer = setTimeout(check, intervalMs).unref();
      },
    );
  };

  return {
    get down() {
      return state === "down";
    },
    get checking() {
      return state === "checking" ? checking : null;
    },
    noteError(error) {
      if (stopped || state !== "up" || !isConnectionError(error)) return;
      state = "checking";
      checking = check();
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

/** Opens a connection of its own and runs `select 1`, within about a second. */
export async function probeDatabase(connectionString: string): Promise<void> {
  const client = new pg.Client({
    connectionString,
    connectionTimeoutMillis: PROBE_TIMEOUT_MS,
    query_timeout: PROBE_TIMEOUT_MS,
  });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("select 1");
  } finally {
    await client.end().catch(() => {});
  }
}

// ─── The process's one tracker ───────────────────────────────────────────────

const KEY = Symbol.for("crosscurrent.databaseAvailability");
const holder = globalThis as unknown as { [KEY]?: Availability };

const ALWAYS_UP: Pick<Availability, "down" | "checking"> = { down: false, checking: null };

/** The process's view of the database: up until a connection failure is reported. */
export function databaseAvailability(): Pick<Availability, "down" | "checking"> {
  return holder[KEY] ?? ALWAYS_UP;
}

/** Reports a driver error on a connection to `connectionString` to the process's tracker. */
export function noteDatabaseError(error: unknown, connectionString: string | undefined): void {
  if (!connectionString || !isConnectionError(error)) return;
  (holder[KEY] ??= createAvailability(() => probeDatabase(connectionString))).noteError(error);
}

/**
 * The pg client the app's pool uses (`Client` in the pool's options): reports failures to
 * connect, and errors on a connection it holds, to the process's tracker.
 */
export class AvailabilityWatchingClient extends pg.Client {
  private readonly url: string | undefined;

  constructor(config?: string | pg.ClientConfig) {
    super(config);
    this.url = typeof config === "string" ? config : config?.connectionString;
    this.on("error", (error) => noteDatabaseError(error, this.url));
  }

  override connect(): Promise<pg.Client>;
  override connect(callback: (err: Error) => void): void;
  override connect(callback?: (err: Error) => void): Promise<pg.Client> | void {
    if (callback) {
      return super.connect((error: Error) => {
        if (error) noteDatabaseError(error, this.url);
        callback(error);
      });
    }
    return super.connect().catch((error: unknown) => {
      noteDatabaseError(error, this.url);
      throw error;
    });
  }
}

// ─── Answering while it is down ──────────────────────────────────────────────

const UNAVAILABLE_MESSAGE = "The site cannot reach its database just now. Please try again in a moment.";

const UNAVAILABLE_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Temporarily unavailable · Crosscurrent</title>
</head>
<body>
<main>
<h1>Crosscurrent is temporarily unavailable</h1>
<p>${UNAVAILABLE_MESSAGE}</p>
<p>This page does not refresh by itself: reload it in a few seconds.</p>
</main>
</body>
</html>
`;

function unavailableBody(path: string): { type: string; body: string } {
  if (path === "/api/health") {
    return { type: "application/json", body: JSON.stringify({ status: "error", database: "down" }) };
  }
  if (path === "/api" || path.startsWith("/api/")) {
    return {
      type: "application/json",
      body: errorPayload({ code: "DATABASE_UNAVAILABLE", message: UNAVAILABLE_MESSAGE }).body,
    };
  }
  return { type: "text/html; charset=utf-8", body: UNAVAILABLE_PAGE };
}

/** Sets the 503's status and headers on `response` (whose headers are not sent yet); returns its body. */
function prepareUnavailable(request: IncomingMessage, response: ServerResponse): string | undefined {
  const path = (request.url ?? "/").split("?")[0]!;
  const { type, body } = unavailableBody(path);
  response.statusCode = 503;
  response.setHeader("Content-Type", type);
  response.setHeader("Cache-Control", "no-store");
  response.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
  response.setHeader("Content-Length", Buffer.byteLength(body));
  return request.method === "HEAD" ? undefined : body;
}

/** Answers 503 (a short page; JSON under /api) with Retry-After. */
export function answerUnavailable(request: IncomingMessage, response: ServerResponse): void {
  response.end(prepareUnavailable(request, response));
}

type AvailabilityView = () => Pick<Availability, "down" | "checking">;

const BODY_HEADERS = ["content-encoding", "content-range", "etag", "last-modified", "location", "vary"];

/**
 * A request under way when PostgreSQL went away fails inside Next, which would answer 500:
 * if the database is found down (or being checked) by the time that answer starts, the 503 is
 * sent instead, and Next's error page or JSON is dropped.
 */
function answerUnavailableInsteadOfFailure(
  request: IncomingMessage,
  response: ServerResponse,
  availability: AvailabilityView,
): void {
  const { writeHead, write, end } = response;
  let body: string | undefined;
  let replaced = false;
  const failing = (status: number) => {
    if (replaced || status < 500 || response.headersSent) return false;
    const { down, checking } = availability();
    return down || checking !== null;
  };
  const replace = () => {
    replaced = true;
    // What described Next's body goes; what the request handler set (request id, security
    // headers) stays.
    for (const name of BODY_HEADERS) response.removeHeader(name);
    body = prepareUnavailable(request, response);
    writeHead.call(response, 503);
  };
  response.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse["writeHead"]>) {
    if (replaced) return this;
    if (failing(args[0])) {
      replace();
      return this;
    }
    return writeHead.apply(this, args);
  } as ServerResponse["writeHead"];
  response.write = function (this: ServerResponse, ...args: Parameters<ServerResponse["write"]>) {
    if (failing(this.statusCode)) replace();
    return replaced ? true : write.apply(this, args);
  } as ServerResponse["write"];
  response.end = function (this: ServerResponse, ...args: Parameters<ServerResponse["end"]>) {
    if (failing(this.statusCode)) replace();
    if (!replaced) return end.apply(this, args);
    if (!this.writableEnded)
      (end as (this: ServerResponse, chunk?: string) => ServerResponse).call(this, body);
    return this;
  } as ServerResponse["end"];
}

/**
 * `handle`, except that while the database is down every request but Next's static files is
 * answered at once with a 503. A request that arrives while a connection failure is being
 * checked (a millisecond when PostgreSQL is gone, two seconds at most) waits for the answer,
 * rather than going on to fail against a database that has just disappeared; and one that was
 * under way when it disappeared answers 503 rather than 500.
 */
export function whenDatabaseAvailable<
  H extends (request: IncomingMessage, response: ServerResponse) => unknown,
>(handle: H, availability: AvailabilityView = databaseAvailability): H {
  const route = (request: IncomingMessage, response: ServerResponse) => {
    if (availability().down) return answerUnavailable(request, response);
    answerUnavailableInsteadOfFailure(request, response, availability);
    return handle(request, response);
  };
  return ((request: IncomingMessage, response: ServerResponse) => {
    if (request.url?.startsWith("/_next/static/")) return handle(request, response);
    const checking = availability().checking;
    return checking ? checking.then(() => route(request, response)) : route(request, response);
  }) as H;
}
