// What every /api/v1 response carries: JSON, open CORS (public, read-only data, no cookies are
// read) and a short shared cache. Errors are JSON too, `{ "error": "…" }`, with the same CORS
// header so a browser client can read them.
import { NextResponse } from "next/server";
import { PUBLIC_SHORT_CACHE } from "@/lib/platform/cache/cache-control";

const CORS = { "Access-Control-Allow-Origin": "*" } as const;

export const API_HEADERS = {
  ...CORS,
  "Cache-Control": PUBLIC_SHORT_CACHE,
  "X-Content-Type-Options": "nosniff",
} as const;

export function apiJson(body: unknown, status = 200, headers: Record<string, string> = {}): NextResponse {
  return NextResponse.json(body, { status, headers: { ...API_HEADERS, ...headers } });
}

export function apiError(status: number, error: string): NextResponse {
  return apiJson({ error }, status);
}

/** A redirect a client may follow: 308 keeps the method. */
export function apiRedirect(location: URL): NextResponse {
  return new NextResponse(null, { status: 308, headers: { ...API_HEADERS, Location: location.toString() } });
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
    return NextResponse.json(
      { error: "Something went wrong on our side. Try again shortly." },
      { status: 500, headers: { ...CORS, "Cache-Control": "no-store" } },
    );
  }
}
