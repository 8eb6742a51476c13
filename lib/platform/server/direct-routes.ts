// Route handlers the production launcher calls itself, in front of Next's router, for the public
// writes whose own work is smaller than what Next does around them. A comment post spent about
// 2 ms of CPU in Next's routing, its request and response adapters and its per-request cache set-up:
// a third of all it cost.
// The app registers them when its server starts (instrumentation.ts), so each handler is the app's
// own module, with the app's settings and database client; it stays the route's export too, and
// Next answers the route in development (where its code reloads) and wherever none is registered.
// The registry is on globalThis: Next's bundles and the launcher's are separate module graphs.
// A handler needs nothing of Next's request context, and gets what the launcher's guards in front
// of it let through (start-next.ts); its answer gets the headers next.config.ts gives every path.
import type { IncomingMessage, ServerResponse } from "node:http";
import { FIXED_SECURITY_HEADERS } from "@/lib/platform/http/fixed-security-headers";
import { errorPayload, SERVER_ERROR } from "@/lib/platform/http/json-errors";
import type { Handler } from "./request-handler";

export type DirectRouteHandler = (request: Request) => Promise<Response>;

const ROUTES = Symbol.for("crosscurrent.directRoutes");

function routes(): Map<string, DirectRouteHandler> {
  const global = globalThis as { [ROUTES]?: Map<string, DirectRouteHandler> };
  return (global[ROUTES] ??= new Map());
}

const routeKey = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

/** Has the launcher answer `method` requests for `path` (exactly that path, any query) with `handler`. */
export function registerDirectRoute(method: string, path: string, handler: DirectRouteHandler): void {
  routes().set(routeKey(method, path), handler);
}

/** Tests only (EXPOSE_NEXT_REQUEST_COUNT): names the route on each answer given without Next. */
export const DIRECT_ROUTE_HEADER = "X-Direct-Route";

export interface DirectRouteOptions {
  /** SITE_URL's origin: the handler's request is addressed to it. */
  siteOrigin: string;
  /** A handler that threw; the client gets a 500 with a JSON error. */
  onError: (error: unknown, request: IncomingMessage) => void;
  /** Whether answers carry DIRECT_ROUTE_HEADER. */
  label?: boolean;
}

/** Answers registered routes with their handlers; passes every other request to `handle`. */
export function withDirectRoutes(handle: Handler, options: DirectRouteOptions): Handler {
  return (request, response) => {
    const target = request.url ?? "/";
    const queryAt = target.indexOf("?");
    const key = routeKey(request.method ?? "GET", queryAt === -1 ? target : target.slice(0, queryAt));
    const handler = routes().get(key);
    if (!handler) return handle(request, response);
    if (options.label) response.setHeader(DIRECT_ROUTE_HEADER, key);
    return answer(handler, request, response, options);
  };
}

async function answer(
  handler: DirectRouteHandler,
  request: IncomingMessage,
  response: ServerResponse,
  options: DirectRouteOptions,
): Promise<void> {
  let status: number;
  let headers: Headers;
  let body: Buffer;
  try {
    const answered = await handler(webRequest(request, options.siteOrigin));
    ({ status, headers } = answered);
    body = Buffer.from(await answered.arrayBuffer());
  } catch (error) {
    options.onError(error, request);
    const payload = errorPayload(SERVER_ERROR);
    ({ status } = payload);
    headers = new Headers(payload.headers);
    body = Buffer.from(payload.body);
  }
  response.statusCode = status;
  headers.forEach((value, name) => {
    // Next's own (NextResponse repeats its cookies in x-middleware-set-cookie), which it strips too.
    if (name !== "set-cookie" && !name.startsWith("x-middleware-")) response.setHeader(name, value);
  });
  const cookies = headers.getSetCookie();
  if (cookies.length > 0) response.setHeader("Set-Cookie", cookies);
  // As Next gives them, over any of the handler's own.
  for (const { key, value } of FIXED_SECURITY_HEADERS) response.setHeader(key, value);
  response.end(body);
}

/** The request as a route handler takes it, at the site's origin; its body is read as it asks. */
function webRequest(request: IncomingMessage, siteOrigin: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (Array.isArray(value)) for (const each of value) headers.append(name, each);
    else if (value !== undefined) headers.set(name, value);
  }
  const method = request.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  return new Request(new URL(request.url ?? "/", siteOrigin), {
    method,
    headers,
    ...(hasBody ? { body: bodyStream(request), duplex: "half" } : {}),
  } as RequestInit);
}

/**
 * The request's body as a stream read on demand. A handler that stops reading (a body over its
 * limit) cancels it: the rest is read and dropped, so its answer still goes out on this connection.
 */
function bodyStream(request: IncomingMessage): ReadableStream<Uint8Array> {
  let cancelled = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      request.on("data", (chunk: Buffer) => {
        if (cancelled) return;
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 0) <= 0) request.pause();
      });
      request.on("end", () => {
        if (!cancelled) controller.close();
      });
      request.on("error", (error) => {
        if (!cancelled) controller.error(error);
      });
    },
    pull() {
      request.resume();
    },
    cancel() {
      cancelled = true;
      request.resume();
    },
  });
}
