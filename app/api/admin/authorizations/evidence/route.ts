// Evidence files of reprint authorizations: POST (multipart: authorizationId, kind FILE or
// SCREENSHOT, file, capturedAt?, note?) stores the file byte for byte with its SHA-256.
// Admins only. Files go through a route, not a server action: actions cap bodies at 1 MB.
import { defineRoute } from "@/lib/platform/actions/define-route";
import type { ActionDefinition } from "@/lib/platform/actions/run-action";
import { addEvidenceFile, type EvidenceRow } from "@/lib/rights/authorizations/lifecycle";
import {
  AddEvidenceFileSchema,
  AUTHORIZATION_MESSAGES,
  MAX_EVIDENCE_BYTES,
} from "@/lib/rights/authorizations/schema";

const upload: ActionDefinition<typeof AddEvidenceFileSchema, EvidenceRow> = {
  permission: "authorization.manage",
  schema: AddEvidenceFileSchema,
  async handler(input, context) {
    const evidence = await addEvidenceFile(input, context);
    return { ok: true, message: `Evidence “${evidence.fileName}” added.`, data: evidence };
  },
};

export const POST = defineRoute(upload as unknown as ActionDefinition, {
  upload: { maxFileBytes: MAX_EVIDENCE_BYTES, message: AUTHORIZATION_MESSAGES.fileTooLarge },
});
