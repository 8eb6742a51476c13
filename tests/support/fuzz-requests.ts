// Requests for the boundary fuzz: bodies sent as JSON, forms, multipart or raw junk (sometimes from
// another site), query strings and path segments, well-formed, broken or junk; and what a
// response told the caller.
import fc from "fast-check";
import { NextRequest } from "next/server";
import { readBody } from "@/lib/platform/http/read-body";
import { asFormValue, hostileString, isRecord, type Variant } from "./fuzz-arbitraries";
import type { Outcome } from "./fuzz-runner";

export const ORIGIN = "http://localhost:3000";

export type Tagged<T> = [Variant, T];
export const tagged = <T>(variant: Variant, value: T): Tagged<T> => [variant, value];

// ─── Bodies ───────────────────────────────────────────────────────────────────

type Encoding = "json" | "urlencoded" | "multipart" | "raw";

export interface RouteInput {
  body: unknown;
  encoding: Encoding;
  /** For "raw": the body text and content type sent as they are. */
  raw?: { text: string; type: string | null };
  foreignOrigin: boolean;
}

const RAW_BODIES = [
  "{",
  "[1,2",
  "null",
  "[]",
  '"text"',
  "\u0000",
  "a=%E0%A4%A&b",
  '{"__proto__":{"polluted":"yes"}}',
  "--x\r\nContent-Disposition: form-data\r\n\r\nbroken",
];
const RAW_TYPES = [
  "application/json",
  "multipart/form-data; boundary=x",
  "multipart/form-data",
  "text/plain",
  null,
];

/** `inner`'s values as request bodies; one request in twenty comes from another site. */
export function routeInput(inner: fc.Arbitrary<Tagged<unknown>>): fc.Arbitrary<Tagged<RouteInput>> {
  const raw = fc.record({
    text: fc.oneof(
      fc.constantFrom(...RAW_BODIES),
      fc.string({ unit: "binary", maxLength: 200 }),
      fc.constantFrom(300_000, 70_000).map((n) => `{"body":"${"x".repeat(n)}"}`),
      fc.constant(`${"[".repeat(100_000)}${"]".repeat(100_000)}`),
    ),
    type: fc.constantFrom(...RAW_TYPES),
  });
  return fc
    .tuple(
      inner,
      fc.constantFrom<Encoding>("json", "json", "urlencoded", "multipart", "multipart", "raw"),
      raw,
      fc.integer({ min: 0, max: 19 }),
    )
    .map(([[variant, body], chosen, rawBody, dice]) => {
      // Files only travel in multipart bodies.
      const hasFile = isRecord(body) && Object.values(body).some((v) => v instanceof File);
      const encoding = hasFile && chosen !== "raw" ? "multipart" : chosen;
      return tagged(encoding === "raw" ? "junk" : variant, {
        body,
        encoding,
        raw: encoding === "raw" ? rawBody : undefined,
        foreignOrigin: dice === 0,
      });
    });
}

function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? String(v) : v)) ?? "null";
  } catch {
    return "{";
  }
}

function formOf(body: unknown): FormData {
  const form = new FormData();
  if (!isRecord(body)) return form;
  for (const [key, value] of Object.entries(body)) {
    const formValue = asFormValue(value);
    for (const item of Array.isArray(formValue) ? formValue : [formValue]) {
      if (item instanceof File) form.append(key, item);
      else form.append(key, String(item));
    }
  }
  return form;
}

/** A POST to `url` (a path) with the input's body, from `ip`. */
export function requestOf(url: string, input: RouteInput, ip: string): NextRequest {
  const headers = new Headers({ "x-forwarded-for": ip, "user-agent": "boundary-fuzz" });
  if (input.foreignOrigin) headers.set("origin", "https://elsewhere.example");
  let body: BodyInit | undefined;
  switch (input.encoding) {
    case "json":
      headers.set("content-type", "application/json");
      body = jsonText(input.body);
      break;
    case "urlencoded": {
      headers.set("content-type", "application/x-www-form-urlencoded");
      const params = new URLSearchParams();
      for (const [key, value] of formOf(input.body).entries()) {
        if (typeof value === "string") params.append(key, value);
      }
      body = params.toString();
      break;
    }
    case "multipart":
      body = formOf(input.body); // fetch sets the multipart content type with its boundary
      break;
    case "raw":
      if (input.raw?.type) headers.set("content-type", input.raw.type);
      body = input.raw?.text;
      break;
  }
  return new NextRequest(`${ORIGIN}${url}`, { method: "POST", headers, body });
}

/** What a route reads from the body (lib/platform/http/read-body.ts), to ask the schema about it. */
export async function decodedBody(input: RouteInput): Promise<unknown> {
  const request = requestOf("/", { ...input, foreignOrigin: false }, "192.0.2.1");
  const body = await readBody(request, { files: true, maxBytes: 32 * 1024 * 1024 });
  return body.ok ? body.fields : undefined;
}

/** The status of an answer and what it tells: the JSON error or message, or the plain text. */
export async function outcomeOf(response: Response): Promise<Outcome> {
  const text = await response.text();
  let message = text;
  if ((response.headers.get("content-type") ?? "").includes("json")) {
    try {
      const body = JSON.parse(text) as { message?: unknown; error?: unknown };
      const error = body.error as { message?: unknown } | string | undefined;
      const found = [body.message, typeof error === "string" ? error : error?.message].find(
        (m): m is string => typeof m === "string",
      );
      message = found ?? "";
    } catch {
      message = "";
    }
  }
  return { status: response.status, message };
}

// ─── Query strings and path segments ──────────────────────────────────────────

/** Pairs in order (repeats allowed), or a raw query string. */
export type Query = Array<[string, string]> | string;

/** Query strings: well-formed pairs, the same broken (repeated, unknown, junk values), or raw junk. */
export function queryInput(
  wellFormed: fc.Arbitrary<Record<string, string | undefined>>,
): fc.Arbitrary<Tagged<Query>> {
  const pairs = wellFormed.map((q) =>
    Object.entries(q).filter((e): e is [string, string] => typeof e[1] === "string"),
  );
  const broken = fc
    .tuple(pairs, hostileString(), fc.constantFrom("repeat", "unknown", "junk", "empty", "nul"), fc.nat())
    .map(([list, junk, how, pick]): Array<[string, string]> => {
      const [key = "q", value = ""] = list[pick % Math.max(1, list.length)] ?? [];
      if (how === "repeat") return [...list, [key, value]];
      if (how === "unknown") return [...list, [junk.slice(0, 40) || "__proto__", junk]];
      if (how === "empty") return list.map(([k]) => [k, ""]);
      if (how === "nul") return list.map(([k, v]) => [k, k === key ? `${v}\u0000` : v]);
      return list.map(([k, v]) => [k, k === key ? junk : v]);
    });
  const junk = fc.oneof(
    fc.array(fc.tuple(hostileString(), hostileString()), { maxLength: 4 }),
    fc.constantFrom("%E0%A4%A=1", "&&&=&", "a=%00", "q=%F0%9F", "page=1e400&page=-1", "__proto__[x]=1"),
  );
  return fc.oneof(
    { arbitrary: pairs.map((q) => tagged<Query>("well-formed", q)), weight: 5 },
    { arbitrary: broken.map((q) => tagged<Query>("broken", q)), weight: 4 },
    { arbitrary: junk.map((q) => tagged<Query>("junk", q)), weight: 2 },
  );
}

export function urlWith(pathname: string, query: Query): string {
  if (typeof query === "string") return `${ORIGIN}${pathname}?${query}`;
  const url = new URL(pathname, ORIGIN);
  for (const [key, value] of query) url.searchParams.append(key, value);
  return url.toString();
}

/** Next's searchParams object for a page: repeated keys become arrays. */
export function searchParamsOf(query: Query): Record<string, string | string[]> {
  const params = new URL(urlWith("/", query)).searchParams;
  const record: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    record[key] = values.length > 1 ? values : values[0]!;
  }
  return record;
}

/** Path segments as they arrive encoded: real slugs or ids, the same mangled, or junk. */
export function segmentInput(real: string[]): fc.Arbitrary<Tagged<string>> {
  const good = real.length > 0 ? fc.constantFrom(...real) : fc.constant("nothing");
  return fc.oneof(
    { arbitrary: good.map((s) => tagged("well-formed", encodeURIComponent(s))), weight: 4 },
    {
      arbitrary: fc
        .tuple(good, fc.constantFrom("%", "%E0%A4%A", "%00", "/..", "%2F..%2F", "-", "?x=1"))
        .map(([s, junk]) => tagged("broken", `${encodeURIComponent(s)}${junk}`)),
      weight: 2,
    },
    { arbitrary: hostileString().map((s) => tagged("junk", s)), weight: 3 },
  );
}

/** A segment as Next hands it to a route (decoded; a malformed escape stays as it is). */
export function decodedSegment(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
