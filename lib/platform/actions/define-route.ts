import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/platform/env";
import { can } from "@/lib/platform/permissions";
import { clientIpFromHeaders } from "@/lib/platform/http/client-ip";
import { getCurrentUser } from "@/lib/platform/session";
import { HTTP_STATUS } from "./result";
import { runAction, type ActionDefinition } from "./run-action";

export type GuardedRoute = ((request: NextRequest) => Promise<Response>) & { definition: ActionDefinition };

/** Room for an upload's other fields and the multipart framing, on top of the file itself. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

export interface RouteOptions {
  /**
   * For uploads: a body announced (Content-Length) as larger than a file of `maxFileBytes` plus
   * the multipart framing is refused with 413 before anything reads it, or even checks who asks.
   * `message` says so, also as the error of the `file` field.
   */
  upload?: { maxFileBytes: number; message: string };
}

/** Reads a request's input: multipart/urlencoded forms as objects (files kept), JSON as is. */
async function readInput(request: NextRequest): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded")) {
    // A malformed body reads as no input, which validation answers with a 400.
    const form = await request.formData().catch(() => null);
    return form ? Object.fromEntries(form.entries()) : undefined;
  }
  if (type.startsWith("application/json")) return request.json().catch(() => undefined);
  return undefined;
}

/**
 * A mutating route handler with the same guard as server actions: permission, then zod, then
 * the handler. Answers JSON, with 401/403/400/404/409 (413 for a too large upload) for refusals.
 */
export function defineRoute(definition: ActionDefinition, { upload }: RouteOptions = {}): GuardedRoute {
  const route = async (request: NextRequest) => {
    const length = Number(request.headers.get("content-length") ?? 0);
    if (upload && length > upload.maxFileBytes + MULTIPART_OVERHEAD_BYTES) {
      return NextResponse.json(
        { ok: false, code: "INVALID", message: upload.message, fieldErrors: { file: [upload.message] } },
        { status: 413 },
      );
    }
    const origin = request.headers.get("origin");
    if (origin && origin !== new URL(env.SITE_URL).origin && origin !== request.nextUrl.origin) {
      return NextResponse.json(
        { ok: false, code: "FORBIDDEN", message: "Cross-site requests are refused." },
        { status: 403 },
      );
    }
    const actor = await getCurrentUser();
    const ip = clientIpFromHeaders(request.headers);
    // Refuse before reading the body, so anonymous uploads cost nothing.
    const input = can(actor, definition.permission) ? await readInput(request) : undefined;
    const result = await runAction(definition, actor, input, ip);
    return NextResponse.json(result, { status: result.ok ? 200 : HTTP_STATUS[result.code] });
  };
  return Object.assign(route, { definition });
}
