// Records an authorization granted before it was recorded here, with its evidence, in one
// request: POST multipart (the terms, sourceId, grantedOn, evidenceKind FILE | SCREENSHOT |
// URL | TEXT with file, evidenceUrl or evidenceText, capturedAt?, note?). Admins only. A route,
// not a server action: the evidence file may be larger than the 1 MB actions accept.
import { revalidatePath } from "next/cache";
import { defineRoute } from "@/lib/platform/actions/define-route";
import type { ActionDefinition } from "@/lib/platform/actions/run-action";
import { recordGrantedAuthorization } from "@/lib/rights/authorizations/lifecycle";
import {
  AUTHORIZATION_MESSAGES,
  MAX_EVIDENCE_BYTES,
  RecordGrantedSchema,
} from "@/lib/rights/authorizations/schema";

const record: ActionDefinition<typeof RecordGrantedSchema, { id: string }> = {
  permission: "authorization.manage",
  schema: RecordGrantedSchema,
  async handler(input, context) {
    const created = await recordGrantedAuthorization(input, context);
    revalidatePath("/admin/authorizations");
    revalidatePath(`/admin/sources/${created.sourceId}`);
    return {
      ok: true,
      message: "Authorization recorded as granted, with its evidence.",
      data: { id: created.id },
    };
  },
};

export const POST = defineRoute(record as unknown as ActionDefinition, {
  upload: { maxFileBytes: MAX_EVIDENCE_BYTES, message: AUTHORIZATION_MESSAGES.fileTooLarge },
});
