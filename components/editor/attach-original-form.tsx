"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { attachOriginal } from "@/app/(admin)/admin/articles/actions";
import type { ActionResult } from "@/lib/platform/actions/result";
import { OriginalLanguageSelect } from "@/components/editor/original-language-select";
import { FieldMessage, fieldErrors } from "@/components/admin/taxonomy/fields";
import { ActionMessage } from "@/components/ui/action-message";

/** Pastes the original (text or a page's HTML): the first one, or a corrected revision of it. */
export function AttachOriginalForm({ articleId, hasOriginal }: { articleId: string; hasOriginal: boolean }) {
  const id = useId();
  const router = useRouter();
  const [state, setState] = useState<ActionResult | null>(null);
  const [pending, setPending] = useState(false);
  const err = (name: string) => `${id}-${name}-error`;
  const invalid = (name: string) => fieldErrors(state, name).length > 0 || undefined;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setPending(true);
    try {
      const result = await attachOriginal({
        id: articleId,
        originalText: data.get("originalText"),
        originalTextLanguage: data.get("originalTextLanguage"),
        originalTextUrl: data.get("originalTextUrl"),
      });
      setState(result);
      if (result.ok) {
        form.reset();
        router.refresh();
      }
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      className="stack"
      onSubmit={submit}
      aria-label={hasOriginal ? "Re-import the original" : "Attach the original"}
    >
      <label>
        {hasOriginal ? "Corrected original, text or HTML" : "Original text or HTML"}
        <textarea
          name="originalText"
          rows={6}
          required
          aria-invalid={invalid("originalText")}
          aria-describedby={err("originalText")}
        />
        <FieldMessage state={state} name="originalText" id={err("originalText")} />
      </label>
      <label>
        Language
        <OriginalLanguageSelect state={state} errorId={err("originalTextLanguage")} />
      </label>
      <label>
        Address of the original (optional)
        <input
          name="originalTextUrl"
          type="url"
          maxLength={2000}
          aria-invalid={invalid("originalTextUrl")}
          aria-describedby={err("originalTextUrl")}
        />
        <FieldMessage state={state} name="originalTextUrl" id={err("originalTextUrl")} />
      </label>
      <button type="submit" disabled={pending}>
        {pending ? "Working…" : hasOriginal ? "Keep as a new revision" : "Keep the original"}
      </button>
      <ActionMessage state={state} />
    </form>
  );
}
