import "server-only";
import type { NextRequest } from "next/server";
import { can } from "@/lib/platform/permissions";
import { clientIpFromHeaders } from "@/lib/platform/http/client-ip";
import { refuseCrossSite } from "@/lib/platform/http/cross-site";
import { jsonError, NO_STORE } from "@/lib/platform/http/json-errors";
import { isBodyAnnouncedOver, readBody, type ReadBodyOptions } from "@/lib/platform/http/read-body";
import { getCurrentUser } from "@/lib/platform/session";
import { runAction, type ActionDefinition } from "./run-action";

export type GuardedRoute = ((request: NextRequest) => Promise<Response>) & { definition: ActionDefinition };

/** Room for an upload's other fields and the multipart framing, on top of the file itself. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

export interface RouteOptions {
  /**
   * For uploads: files are kept among the fields, and a body larger than a file of
   * `maxFileBytes` plus the multipart framing is refused with 413 (one announced as larger by
   * Content-Length before anything reads it, or even checks who asks). `message` says so, also
   * as the error of the `file` field.
   */
  upload?: { maxFileBytes: number; message: string };
}

/**
 * A mutating route handler with the same guard as server actions: cross-site check, permission,
 * then zod, then the handler. Answers `{ data?, message? }`, or a JSON refusal
 * (lib/platform/http/json-errors.ts): 401/403/400/404/409, 413 for a too large body.
 */
export function defineRoute(definition: ActionDefinition, { upload }: RouteOptions = {}): GuardedRoute {
  const bodyOptions: ReadBodyOptions = upload
    ? {
        maxBytes: upload.maxFileBytes + MULTIPART_OVERHEAD_BYTES,
        files: true,
        tooLargeMessage: upload.message,
      }
    : {};
  const route = async (request: NextRequest) => {
    if (upload && isBodyAnnouncedOver(request.headers, bodyOptions.maxBytes!)) {
      return jsonError({
        code: "TOO_LARGE",
        message: upload.message,
        fieldErrors: { file: [upload.message] },
      });
    }
    const crossSite = refuseCrossSite(request);
    if (crossSite) return crossSite;
    const actor = await getCurrentUser();
    const ip = clientIpFromHeaders(request.headers);
    let input: unknown;
    // Refuse before reading the body, so anonymous uploads cost nothing.
    if (can(actor, definition.permission)) {
      const body = await readBody(request, bodyOptions);
      if (!body.ok) return jsonError(body.refusal);
      input = body.fields;
    }
    const result = await runAction(definition, actor, input, ip);
    if (!result.ok) {
      const { code, message, fieldErrors } = result;
      return jsonError({ code, message, ...(fieldErrors ? { fieldErrors } : {}) });
    }
    const { message, data } = result;
    return Response.json(
      { ...(message ? { message } : {}), ...(data !== undefined ? { data } : {}) },
      {
        headers: NO_STORE,
      },
    );
  };
  return Object.assign(route, { definition });
}
