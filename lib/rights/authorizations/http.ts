import "server-only";
// The read-only responses of the authorization screens: evidence downloads, CSV exports and
// ODRL policies.
// Kept free of Next's request APIs (the route handlers pass the signed-in user in), so tests
// can ask for them as any user. All need `authorization.read`.
import { now } from "@/lib/platform/clock";
import { jsonError, type Refusal } from "@/lib/platform/http/json-errors";
import { authorizationForPolicy, evidenceFile } from "@/lib/rights/authorizations/list";
import { env } from "@/lib/platform/env";
import { z } from "zod";
import { can, type Actor } from "@/lib/platform/permissions";
import { getStorage, isValidStorageKey } from "@/lib/platform/storage";
import { ExportQuerySchema } from "@/lib/rights/authorizations/schema";
import { isStorableText } from "@/lib/platform/storable-text";
import { exportCsv } from "./export";
import { authorizationPolicy } from "./odrl-policy";

const PRIVATE = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" } as const;

function refusal(code: Refusal["code"], message: string): Response {
  return jsonError({ code, message }, PRIVATE);
}

/** 401 or 403 unless `actor` may read authorizations. */
function refuseReader(actor: Actor | null): Response | null {
  if (!actor) return refusal("UNAUTHENTICATED", "Your session has ended. Please sign in again.");
  if (!can(actor, "authorization.read")) return refusal("FORBIDDEN", "Your role does not allow this.");
  return null;
}

/** RFC 6266: an ASCII fallback name plus the exact UTF-8 name. */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%;]/g, "_") || "download";
  const exact = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${exact}`;
}

/** The stored bytes of one evidence file, always as a download, never rendered by the browser. */
export async function evidenceDownload(actor: Actor | null, evidenceId: string): Promise<Response> {
  const refused = refuseReader(actor);
  if (refused) return refused;
  const evidence =
    evidenceId.length <= 64 && isStorableText(evidenceId) ? await evidenceFile(evidenceId) : null;
  if (!evidence?.storageKey || !isValidStorageKey(evidence.storageKey)) {
    return refusal("NOT_FOUND", "No such evidence file.");
  }
  const stored = await getStorage().open(evidence.storageKey);
  if (!stored) return refusal("NOT_FOUND", "The evidence file is missing from storage.");
  return new Response(stored.stream, {
    headers: {
      ...PRIVATE,
      "Content-Type": stored.contentType,
      "Content-Length": String(stored.byteSize),
      "Content-Disposition": attachmentDisposition(evidence.fileName ?? "evidence"),
      "Content-Security-Policy": "default-src 'none'; sandbox",
      ...(evidence.sha256 ? { "X-Evidence-SHA256": evidence.sha256 } : {}),
    },
  });
}

/** GET …/export?what=authorizations|articles plus the list's filters. */
export async function csvExport(actor: Actor | null, searchParams: URLSearchParams): Promise<Response> {
  const refused = refuseReader(actor);
  if (refused) return refused;
  const { what, ...filters } = ExportQuerySchema.parse(Object.fromEntries(searchParams));
  const { fileName, body } = await exportCsv(what, filters, now());
  return new Response(body, {
    headers: {
      ...PRIVATE,
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachmentDisposition(fileName),
    },
  });
}

/** An id that could name a record: anything else is no authorization of ours. */
const AuthorizationIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

/** GET /admin/authorizations/<id>/policy.jsonld: the authorization as an ODRL 2.2 policy. */
export async function policyDownload(actor: Actor | null, authorizationId: string): Promise<Response> {
  const refused = refuseReader(actor);
  if (refused) return refused;
  const id = AuthorizationIdSchema.safeParse(authorizationId);
  const authorization = id.success ? await authorizationForPolicy(id.data) : null;
  if (!authorization) {
    return refusal("NOT_FOUND", "No authorization has this id. Open it from the list of authorizations.");
  }
  const policy = authorizationPolicy(authorization, env.SITE_URL);
  return new Response(`${JSON.stringify(policy, null, 2)}\n`, {
    headers: {
      ...PRIVATE,
      "Content-Type": "application/ld+json; charset=utf-8",
      "Content-Disposition": attachmentDisposition(`authorization-${authorization.id}-policy.jsonld`),
    },
  });
}
