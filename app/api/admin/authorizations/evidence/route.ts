// Evidence files of reprint authorizations: POST (multipart: authorizationId, kind FILE or
// SCREENSHOT, file, capturedAt?, note?) stores the file byte for byte with its SHA-256.
// Admins only. Files go through a route, not a server action: actions cap bodies at 1 MB.
import { NextResponse, type NextRequest } from "next/server";
import { defineRoute, type GuardedRoute } from "@/lib/actions/define-route";
import type { ActionDefinition } from "@/lib/actions/run-action";
import { addEvidenceFile, type EvidenceRow } from "@/lib/authorizations/lifecycle";
import {
  AddEvidenceFileSchema,
  AUTHORIZATION_MESSAGES,
  MAX_EVIDENCE_BYTES,
} from "@/lib/validations/authorization";

/** The file plus the other fields and multipart framing. */
const MAX_REQUEST_BYTES = MAX_EVIDENCE_BYTES + 64 * 1024;

const upload: ActionDefinition<typeof AddEvidenceFileSchema, EvidenceRow> = {
  permission: "authorization.manage",
  schema: AddEvidenceFileSchema,
  async handler(input, context) {
    const evidence = await addEvidenceFile(input, context);
    return { ok: true, message: `Evidence “${evidence.fileName}” added.`, data: evidence };
  },
};

const guardedUpload = defineRoute(upload as unknown as ActionDefinition);

/** Refuses a body announced as too large before anything reads it. */
export const POST: GuardedRoute = Object.assign(
  async (request: NextRequest) => {
    const length = Number(request.headers.get("content-length") ?? 0);
    if (length > MAX_REQUEST_BYTES) {
      return NextResponse.json(
        {
          ok: false,
          code: "INVALID",
          message: AUTHORIZATION_MESSAGES.fileTooLarge,
          fieldErrors: { file: [AUTHORIZATION_MESSAGES.fileTooLarge] },
        },
        { status: 413 },
      );
    }
    return guardedUpload(request);
  },
  { definition: guardedUpload.definition },
);
