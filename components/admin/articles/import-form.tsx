"use client";

import { importReprint } from "@/app/(admin)/admin/articles/actions";
import { ActionForm, FieldError } from "@/components/ui/action-form";

export function ImportForm() {
  return (
    <ActionForm action={importReprint} submitLabel="Make a draft" className="stack wide">
      {(state) => (
        <label>
          Pasted text or HTML
          <textarea name="text" rows={18} required aria-describedby="text-error" />
          <FieldError state={state} name="text" />
        </label>
      )}
    </ActionForm>
  );
}
