// The browser's side of POST /api/admin/authorizations/evidence.
import type { ActionResult } from "@/lib/platform/actions/result";
import { AUTHORIZATION_MESSAGES, MAX_EVIDENCE_BYTES } from "@/lib/rights/authorizations/schema";
import { uploadFile } from "../upload-file";

export const EVIDENCE_API = "/api/admin/authorizations/evidence";

export function uploadEvidence(fields: {
  authorizationId: string;
  kind: "FILE" | "SCREENSHOT";
  file: File;
  capturedAt: string;
  note: string;
}): Promise<ActionResult> {
  return uploadFile(EVIDENCE_API, fields, {
    maxFileBytes: MAX_EVIDENCE_BYTES,
    message: AUTHORIZATION_MESSAGES.fileTooLarge,
  });
}
