"use client";

import { useId } from "react";
import { recordRequest } from "@/app/(admin)/admin/authorizations/actions";
import { FieldMessage } from "@/components/admin/taxonomy/fields";
import type { TermsFormValues } from "@/lib/rights/authorizations/terms";
import { KeepingForm } from "./keeping-form";
import { TermsFields } from "./terms-fields";

/** Records a request for reprint rights (or, with renewsId, a renewal of a granted one). */
export function RequestForm({
  sources,
  defaultSourceId,
  renewsId,
  defaults,
}: {
  sources: Array<{ id: string; name: string }>;
  defaultSourceId?: string;
  renewsId?: string;
  defaults: TermsFormValues;
}) {
  const id = useId();
  return (
    <KeepingForm
      action={recordRequest}
      submitLabel="Record request"
      className="stack"
      label="Record a request"
    >
      {(state) => (
        <>
          {renewsId && <input type="hidden" name="renewsId" value={renewsId} />}
          <label>
            Source (the rights holder)
            <select
              name="sourceId"
              required
              defaultValue={defaultSourceId ?? ""}
              disabled={Boolean(renewsId)}
              aria-describedby={`${id}-sourceId-error`}
            >
              <option value="">Choose…</option>
              {sources.map((source) => (
                <option key={source.id} value={source.id}>
                  {source.name}
                </option>
              ))}
            </select>
            {/* A disabled select sends nothing: a renewal keeps its source. */}
            {renewsId && defaultSourceId && <input type="hidden" name="sourceId" value={defaultSourceId} />}
            <FieldMessage state={state} name="sourceId" id={`${id}-sourceId-error`} />
            <FieldMessage state={state} name="renewsId" id={`${id}-renewsId-error`} />
          </label>
          <TermsFields state={state} defaults={defaults} />
        </>
      )}
    </KeepingForm>
  );
}
