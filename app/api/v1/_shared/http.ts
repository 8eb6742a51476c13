// What every /api/v1 response carries: JSON, open CORS (public, read-only data, no cookies are
// read) and a short shared cache. Refusals take the site's one error shape
// (lib/platform/http/json-errors.ts) with the same headers, so a browser client can read them.
import { NextResponse } from "next/server";
import { PUBLIC_SHORT_CACHE } from "@/lib/platform/cache/cache-control";
import { jsonError, SERVER_ERROR, type ErrorCode } from "@/lib/platform/http/json-errors";

const CORS = { "Access-Control-Allow-Origin": "*" } as const;

export const API_HEADERS = {
  ...CORS,
  "Cache-Control": PUBLIC_SHORT_CACHE,
  "X-Content-Type-Options": "nosniff",
} as const;

export function apiJson(body: unknown, status = 200, headers: Record<string, string> = {}): NextResponse {
  return NextResponse.json(body, { status, headers: { ...API_HEADERS, ...headers } });
}

/** A refusal, cached as briefly as any answer: a missing or withdrawn article stays so for a while. */
export function apiError(code: ErrorCode, message: string, headers: Record<string, string> = {}): Response {
  return jsonError({ code, message }, { ...API_HEADERS, ...headers });
}

/** A redirect a client may follow: 308 keeps the method. */
export function apiRedirect(location: string): NextResponse {
  return new NextResponse(null, { status: 308, headers: { ...API_HEADERS, Location: location } });
}

/** CORS preflight. Nothing here reads credentials, so any origin and any requested header may come. */
export function apiPreflight(request: Request): Response {
  const requested = request.headers.get("Access-Control-Request-Headers");
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS,
      "Access-Control-Allow-Methods": "GET, OPTIONS",
      ...(requested ? { "Access-Control-Allow-Headers": requested } : {}),
      "Access-Control-Max-Age": "86400",
    },
  });
}

/** Unexpected failures still answer JSON with CORS, and are never cached. */
export async function guarded(work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    console.error("content API:", error);
    return jsonError(SERVER_ERROR, CORS);
  }
}
