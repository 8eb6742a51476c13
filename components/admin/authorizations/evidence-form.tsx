"use client";

// Adds one piece of evidence to an authorization: a link (server action) or a file or
// screenshot (upload route). The capture time is entered in the admin's own time zone and sent
// as an exact instant.
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { addEvidenceUrl } from "@/app/(admin)/admin/authorizations/actions";
import { FieldMessage, fieldErrors } from "@/components/admin/taxonomy/fields";
import { EvidenceFileField } from "./evidence-file-field";
import type { ActionResult } from "@/lib/platform/actions/result";
import { AUTHORIZATION_MESSAGES } from "@/lib/rights/authorizations/schema";
import { uploadEvidence } from "./upload-evidence";
import { ActionMessage } from "@/components/ui/action-message";

type Kind = "URL" | "FILE" | "SCREENSHOT";

function instant(local: string): string {
  if (!local) return "";
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? local : date.toISOString();
}

export function EvidenceForm({ authorizationId }: { authorizationId: string }) {
  const id = useId();
  const router = useRouter();
  const [kind, setKind] = useState<Kind>("URL");
  const [state, setState] = useState<ActionResult | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const capturedAt = instant(String(data.get("capturedAt") ?? ""));
    const note = String(data.get("note") ?? "");
    let result: ActionResult;
    setPending(true);
    try {
      if (kind === "URL") {
        result = await addEvidenceUrl({
          authorizationId,
          url: String(data.get("url") ?? ""),
          capturedAt,
          note,
        });
      } else {
        const file = data.get("file");
        if (!(file instanceof File) || file.size === 0) {
          const message = AUTHORIZATION_MESSAGES.noFile;
          result = { ok: false, code: "INVALID", message, fieldErrors: { file: [message] } };
        } else {
          result = await uploadEvidence({ authorizationId, kind, file, capturedAt, note });
        }
      }
    } finally {
      setPending(false);
    }
    setState(result);
    if (result.ok) {
      form.reset();
      setKind("URL");
      router.refresh();
    }
  }

  const err = (name: string) => `${id}-${name}-error`;
  const invalid = (name: string) => fieldErrors(state, name).length > 0 || undefined;
  return (
    <form className="stack" onSubmit={onSubmit} aria-label="Add evidence">
      <label>
        Kind
        <select name="kind" value={kind} onChange={(event) => setKind(event.currentTarget.value as Kind)}>
          <option value="URL">Link (where the grant can be read)</option>
          <option value="FILE">File (PDF or image)</option>
          <option value="SCREENSHOT">Screenshot (PNG, JPEG or WebP)</option>
        </select>
      </label>
      {kind === "URL" ? (
        <label>
          Address (http or https)
          <input
            name="url"
            type="url"
            required
            maxLength={2000}
            aria-invalid={invalid("url")}
            aria-describedby={err("url")}
          />
          <FieldMessage state={state} name="url" id={err("url")} />
        </label>
      ) : (
        <EvidenceFileField kind={kind} state={state} errorId={err("file")} invalid={invalid("file")} />
      )}
      <label>
        Captured at (your local time; optional)
        <input
          name="capturedAt"
          type="datetime-local"
          aria-invalid={invalid("capturedAt")}
          aria-describedby={err("capturedAt")}
        />
        <FieldMessage state={state} name="capturedAt" id={err("capturedAt")} />
      </label>
      <label>
        Note (optional)
        <textarea
          name="note"
          rows={2}
          maxLength={2000}
          aria-invalid={invalid("note")}
          aria-describedby={err("note")}
        />
        <FieldMessage state={state} name="note" id={err("note")} />
      </label>
      <button type="submit" disabled={pending}>
        {pending ? "Adding…" : "Add evidence"}
      </button>
      <ActionMessage state={state} />
    </form>
  );
}
