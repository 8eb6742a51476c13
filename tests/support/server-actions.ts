// Calling the app's server actions over HTTP the way the browser's router does, without a
// browser: sign in through next-auth's credentials callback for a session cookie, look the
// action's id up in the build's server reference manifest, POST the arguments (encoded as React's
// encodeReply encodes plain JSON values) to the page that uses the action with a `Next-Action`
// header, and read the result out of the React Server Components (Flight) answer.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { buildDir } from "@/lib/platform/server/build-dir";

/** The build the test servers run (app-server.ts passes NEXT_DIST_DIR on to them). */
export function distDir(): string {
  return path.resolve(buildDir());
}

interface ManifestEntry {
  filename?: string;
  exportedName?: string;
  workers: Record<string, unknown>;
}

const manifests = new Map<string, Promise<Record<string, ManifestEntry>>>();

/**
 * The id of `exportedName` from `filename` (e.g. "app/(admin)/admin/articles/actions.ts") in the
 * build in `dir` (a benchmark may call the server of another build).
 */
export async function serverActionId(
  filename: string,
  exportedName: string,
  dir = distDir(),
): Promise<string> {
  let manifest = manifests.get(dir);
  if (!manifest) {
    manifest = readFile(path.join(dir, "server/server-reference-manifest.json"), "utf8").then(
      (text) => (JSON.parse(text) as { node: Record<string, ManifestEntry> }).node,
    );
    manifests.set(dir, manifest);
  }
  const entries = Object.entries(await manifest);
  const found = entries.find(
    ([, entry]) => entry.filename === filename && entry.exportedName === exportedName,
  );
  if (!found) {
    throw new Error(`No server action ${exportedName} from ${filename} in ${dir}: build the app first.`);
  }
  return found[0];
}

// ─── Signing in ──────────────────────────────────────────────────────────────

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);
}

/** One sign-in attempt through next-auth's credentials callback, with its CSRF token and cookie. */
export async function postCredentials(
  baseUrl: string,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { headers });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  return fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      ...headers,
      "Content-Type": "application/x-www-form-urlencoded",
      Cookie: cookiesOf(csrf).join("; "),
    },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/admin`, json: "true" }),
  });
}

/** Signs in with next-auth's credentials provider; returns the Cookie header of the session. */
export async function signInOverHttp(
  baseUrl: string,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<string> {
  const response = await postCredentials(baseUrl, email, password, headers);
  await response.arrayBuffer();
  const session = cookiesOf(response).find((cookie) => /session-token=./.test(cookie));
  if (!session) throw new Error(`Signing in as ${email} failed (HTTP ${response.status}).`);
  return session;
}

// ─── Encoding the arguments ──────────────────────────────────────────────────

/**
 * What React's encodeReply sends for JSON-like arguments (it answers with a plain string, not
 * form data, for these): JSON, with strings that begin with "$" escaped and undefined spelled out.
 */
export function encodeActionArguments(args: unknown[]): string {
  return JSON.stringify(args, function (this: unknown, key, value: unknown) {
    const original = (this as Record<string, unknown>)[key];
    if (original instanceof Date) return `$D${original.toISOString()}`;
    if (value === undefined) return "$undefined";
    if (typeof value === "string" && value.startsWith("$")) return `$${value}`;
    return value;
  });
}

// ─── Decoding the answer ─────────────────────────────────────────────────────

/** Splits a Flight payload into its rows: `<hex id>:<json>` lines and `<hex id>:T<hex length>,<text>`. */
function flightRows(payload: Buffer): Map<number, { tag: string; text: string }> {
  const rows = new Map<number, { tag: string; text: string }>();
  let at = 0;
  while (at < payload.length) {
    const colon = payload.indexOf(0x3a, at);
    if (colon < 0) break;
    const id = parseInt(payload.subarray(at, colon).toString("latin1"), 16);
    let start = colon + 1;
    const first = String.fromCharCode(payload[start] ?? 0);
    if (first === "T") {
      const comma = payload.indexOf(0x2c, start);
      const length = parseInt(payload.subarray(start + 1, comma).toString("latin1"), 16);
      rows.set(id, { tag: "T", text: payload.subarray(comma + 1, comma + 1 + length).toString("utf8") });
      at = comma + 1 + length;
      continue;
    }
    let tag = "";
    if (/[A-Z]/.test(first)) {
      tag = first;
      start += 1;
    }
    let end = payload.indexOf(0x0a, start);
    if (end < 0) end = payload.length;
    rows.set(id, { tag, text: payload.subarray(start, end).toString("utf8") });
    at = end + 1;
  }
  return rows;
}

function decodeFlight(payload: Buffer): { root: unknown; rows: Map<number, { tag: string; text: string }> } {
  const rows = flightRows(payload);
  const cache = new Map<number, unknown>();
  const row = (id: number): unknown => {
    if (cache.has(id)) return cache.get(id);
    const found = rows.get(id);
    if (!found) return undefined;
    if (found.tag === "T") return found.text;
    // A stream row ("X" opens an async iterable, "C" closes it; Next sends a segment's vary
    // params so): carries no value the action's result refers to.
    if (found.text === "") return undefined;
    if (found.tag === "E") {
      const error = JSON.parse(found.text) as { message?: string; digest?: string };
      return { $error: error.message ?? error.digest ?? "error" };
    }
    const value = revive(JSON.parse(found.text));
    cache.set(id, value);
    return value;
  };
  const revive = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(revive);
    if (value && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v)]));
    }
    if (typeof value !== "string" || !value.startsWith("$")) return value;
    if (value.startsWith("$$")) return value.slice(1);
    if (value === "$undefined") return undefined;
    if (value.startsWith("$D")) return new Date(value.slice(2));
    if (value.startsWith("$n")) return BigInt(value.slice(2));
    const reference = /^\$@?([0-9a-f]+)$/.exec(value);
    if (reference) return row(parseInt(reference[1]!, 16));
    return value;
  };
  return { root: row(0), rows };
}

export interface ActionResponse<T> {
  status: number;
  /** What the action returned; undefined when it threw or the answer was not Flight. */
  result: T | undefined;
  /** The action's redirect(), from the x-action-redirect header. */
  redirect: string | null;
  /** The answer's body as text, for messages. */
  body: string;
}

/**
 * Calls `actionId` as the page at `pagePath` would, with `args`, as the signed-in `cookie`. The
 * page's origin is `baseUrl`'s unless `origin` names the public one (an instance behind a proxy).
 */
export async function callServerAction<T = unknown>(
  baseUrl: string,
  pagePath: string,
  actionId: string,
  args: unknown[],
  options: { cookie: string; headers?: Record<string, string>; signal?: AbortSignal; origin?: string },
): Promise<ActionResponse<T>> {
  const response = await fetch(`${baseUrl}${pagePath}`, {
    method: "POST",
    redirect: "manual",
    signal: options.signal,
    headers: {
      ...options.headers,
      Accept: "text/x-component",
      "Content-Type": "text/plain;charset=UTF-8",
      "Next-Action": actionId,
      Origin: options.origin ?? baseUrl,
      Cookie: options.cookie,
    },
    body: encodeActionArguments(args),
  });
  const payload = Buffer.from(await response.arrayBuffer());
  const redirect = response.headers.get("x-action-redirect")?.split(";")[0] ?? null;
  let result: T | undefined;
  if ((response.headers.get("content-type") ?? "").startsWith("text/x-component") && !redirect) {
    const { root } = decodeFlight(payload);
    result = (root as { a?: T } | undefined)?.a;
  }
  return { status: response.status, result, redirect, body: payload.toString("utf8") };
}
