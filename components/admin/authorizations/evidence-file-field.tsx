"use client";

import { FieldMessage } from "@/components/admin/taxonomy/fields";
import type { ActionResult } from "@/lib/platform/actions/result";
import { ACCEPTED_EVIDENCE_TYPES } from "@/lib/rights/authorizations/schema";

/** The file input of an evidence form: a document, or a screenshot (images only). */
export function EvidenceFileField({
  kind,
  state,
  errorId,
  invalid,
}: {
  kind: "FILE" | "SCREENSHOT";
  state: ActionResult | null;
  errorId: string;
  invalid: boolean | undefined;
}) {
  return (
    <label>
      {kind === "FILE"
        ? "File (PDF, PNG, JPEG or WebP, up to 20 MB)"
        : "Screenshot (PNG, JPEG or WebP, up to 20 MB)"}
      <input
        name="file"
        type="file"
        required
        accept={kind === "FILE" ? ACCEPTED_EVIDENCE_TYPES : "image/png,image/jpeg,image/webp"}
        aria-invalid={invalid}
        aria-describedby={errorId}
      />
      <FieldMessage state={state} name="file" id={errorId} />
    </label>
  );
}
