// The browser's side of POST /api/admin/authorizations/evidence. Files go to the route, not a
// server action: server actions cap request bodies at 1 MB.
import type { ActionResult } from "@/lib/platform/actions/result";
import { AUTHORIZATION_MESSAGES, MAX_EVIDENCE_BYTES } from "@/lib/rights/authorizations/schema";

export const EVIDENCE_API = "/api/admin/authorizations/evidence";

export async function uploadEvidence(fields: {
  authorizationId: string;
  kind: "FILE" | "SCREENSHOT";
  file: File;
  capturedAt: string;
  note: string;
}): Promise<ActionResult> {
  if (fields.file.size > MAX_EVIDENCE_BYTES) {
    const message = AUTHORIZATION_MESSAGES.fileTooLarge;
    return { ok: false, code: "INVALID", message, fieldErrors: { file: [message] } };
  }
  const body = new FormData();
  body.set("authorizationId", fields.authorizationId);
  body.set("kind", fields.kind);
  body.set("file", fields.file);
  body.set("capturedAt", fields.capturedAt);
  body.set("note", fields.note);
  try {
    const response = await fetch(EVIDENCE_API, { method: "POST", body });
    const result = (await response.json().catch(() => null)) as ActionResult | null;
    if (result && typeof result.ok === "boolean") return result;
    return { ok: false, code: "INVALID", message: `The upload failed (HTTP ${response.status}). Try again.` };
  } catch {
    return {
      ok: false,
      code: "INVALID",
      message: "The upload did not reach the server. Check the connection and try again.",
    };
  }
}
