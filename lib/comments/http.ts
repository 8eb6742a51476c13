// What the public comment routes share: reading a JSON or form body, refusing cross-site posts,
// and one error shape, `{ error: { code, message, fieldErrors } }`, never cached.
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/platform/env";

/** A comment at its byte limit, its other fields and JSON escaping fit well within this. */
const MAX_BODY_BYTES = 256 * 1024;

export const NO_STORE = { "Cache-Control": "private, no-store" } as const;

export interface PublicRefusal {
  status: number;
  code: string;
  message: string;
  fieldErrors?: Record<string, string>;
  retryAfterSeconds?: number;
}

export function errorResponse(refusal: PublicRefusal): NextResponse {
  const { status, code, message, fieldErrors, retryAfterSeconds } = refusal;
  return NextResponse.json(
    { error: { code, message, ...(fieldErrors ? { fieldErrors } : {}) } },
    {
      status,
      headers: {
        ...NO_STORE,
        ...(retryAfterSeconds !== undefined ? { "Retry-After": String(retryAfterSeconds) } : {}),
      },
    },
  );
}

export const serverError = () =>
  errorResponse({
    status: 500,
    code: "SERVER_ERROR",
    message: "Something went wrong on our side. Please try again in a moment.",
  });

/**
 * Another site's page posting with this reader's cookies. SameSite=Lax already keeps the saved
 * commenter cookie off such posts; this refuses them outright, as the staff routes do.
 */
export function crossSiteRefusal(request: NextRequest): NextResponse | null {
  const origin = request.headers.get("origin");
  if (!origin || origin === new URL(env.SITE_URL).origin || origin === request.nextUrl.origin) return null;
  return errorResponse({ status: 403, code: "CROSS_SITE", message: "Cross-site requests are refused." });
}

/**
 * The request's fields as a plain object (JSON, urlencoded or multipart form); null when the
 * body is too large, malformed or of another type.
 */
export async function readFields(request: NextRequest): Promise<Record<string, unknown> | null> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return null;
  const type = request.headers.get("content-type") ?? "";
  if (type.startsWith("application/json")) {
    const text = await request.text().catch(() => null);
    if (text === null || Buffer.byteLength(text) > MAX_BODY_BYTES) return null;
    try {
      const value: unknown = JSON.parse(text);
      return typeof value === "object" && value !== null && !Array.isArray(value)
        ? (value as Record<string, unknown>)
        : null;
    } catch {
      return null;
    }
  }
  if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
    const form = await request.formData().catch(() => null);
    if (!form) return null;
    const fields: Record<string, unknown> = {};
    for (const [name, value] of form.entries()) if (typeof value === "string") fields[name] = value;
    return fields;
  }
  return null;
}

export const unreadableBody = () =>
  errorResponse({
    status: 400,
    code: "INVALID_INPUT",
    message: "Send the form as JSON or as form fields, at most 256 KB.",
  });
