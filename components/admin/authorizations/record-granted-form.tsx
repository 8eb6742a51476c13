"use client";

// Records, in one submit, a permission granted before the desk recorded it here: the source, the
// day it was granted, every term, and the evidence (the grantor's reply pasted, a file, a
// screenshot or a link). Sent as one multipart request: evidence files can exceed what server
// actions accept.
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { FieldMessage, fieldErrors } from "@/components/admin/taxonomy/fields";
import { EvidenceFileField } from "./evidence-file-field";
import type { ActionResult } from "@/lib/platform/actions/result";
import { fetchResult } from "@/lib/platform/http/json-client";
import { AUTHORIZATION_MESSAGES, MAX_EVIDENCE_BYTES } from "@/lib/rights/authorizations/schema";
import type { TermsFormValues } from "@/lib/rights/authorizations/terms";
import { TermsFields } from "./terms-fields";
import { ActionMessage } from "@/components/ui/action-message";

export const RECORD_GRANTED_API = "/api/admin/authorizations/granted";

type EvidenceKind = "TEXT" | "FILE" | "SCREENSHOT" | "URL";

function instant(local: string): string {
  if (!local) return "";
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? local : date.toISOString();
}

export function RecordGrantedForm({
  sources,
  defaultSourceId,
  defaults,
  today,
}: {
  sources: Array<{ id: string; name: string }>;
  defaultSourceId?: string;
  defaults: TermsFormValues;
  /** YYYY-MM-DD, the latest day it can have been granted. */
  today: string;
}) {
  const id = useId();
  const router = useRouter();
  const [kind, setKind] = useState<EvidenceKind>("TEXT");
  const [state, setState] = useState<ActionResult | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    data.set("capturedAt", instant(String(data.get("capturedAt") ?? "")));
    const file = data.get("file");
    if (file instanceof File && file.size > MAX_EVIDENCE_BYTES) {
      const message = AUTHORIZATION_MESSAGES.fileTooLarge;
      setState({ ok: false, code: "TOO_LARGE", message, fieldErrors: { file: [message] } });
      return;
    }
    setPending(true);
    const result = await fetchResult<{ id: string }>(
      RECORD_GRANTED_API,
      { method: "POST", body: data },
      "Recording the authorization",
    );
    setState(result);
    if (result.ok && result.data) {
      router.push(`/admin/authorizations/${result.data.id}`);
      return;
    }
    setPending(false);
  }

  const err = (name: string) => `${id}-${name}-error`;
  const field = (name: string) => ({
    "aria-invalid": fieldErrors(state, name).length > 0 || undefined,
    "aria-describedby": err(name),
  });
  return (
    <form className="stack" onSubmit={onSubmit} aria-label="Record an authorization already granted">
      <label>
        Source (the rights holder)
        <select name="sourceId" required defaultValue={defaultSourceId ?? ""} {...field("sourceId")}>
          <option value="">Choose…</option>
          {sources.map((source) => (
            <option key={source.id} value={source.id}>
              {source.name}
            </option>
          ))}
        </select>
        <FieldMessage state={state} name="sourceId" id={err("sourceId")} />
      </label>
      <label>
        Granted on (the day of the grantor&apos;s reply)
        <input name="grantedOn" type="date" required max={today} {...field("grantedOn")} />
        <FieldMessage state={state} name="grantedOn" id={err("grantedOn")} />
      </label>
      <TermsFields state={state} defaults={defaults} />
      <fieldset className="stack">
        <legend>Evidence of the grant</legend>
        <label>
          Evidence
          <select
            name="evidenceKind"
            value={kind}
            onChange={(event) => setKind(event.currentTarget.value as EvidenceKind)}
          >
            <option value="TEXT">The grantor&apos;s reply, pasted as text</option>
            <option value="FILE">File (PDF or image)</option>
            <option value="SCREENSHOT">Screenshot (PNG, JPEG or WebP)</option>
            <option value="URL">Link (where the grant can be read)</option>
          </select>
        </label>
        {kind === "TEXT" && (
          <label>
            The grantor&apos;s reply (the whole email or message, with its date and sender)
            <textarea name="evidenceText" rows={8} required {...field("evidenceText")} />
            <FieldMessage state={state} name="evidenceText" id={err("evidenceText")} />
          </label>
        )}
        {(kind === "FILE" || kind === "SCREENSHOT") && (
          <EvidenceFileField
            kind={kind}
            state={state}
            errorId={err("file")}
            invalid={field("file")["aria-invalid"]}
          />
        )}
        {kind === "URL" && (
          <label>
            Address (http or https)
            <input name="evidenceUrl" type="url" required maxLength={2000} {...field("evidenceUrl")} />
            <FieldMessage state={state} name="evidenceUrl" id={err("evidenceUrl")} />
          </label>
        )}
        <label>
          Captured at (your local time; optional)
          <input name="capturedAt" type="datetime-local" {...field("capturedAt")} />
          <FieldMessage state={state} name="capturedAt" id={err("capturedAt")} />
        </label>
        <label>
          Note (optional)
          <textarea name="note" rows={2} maxLength={2000} {...field("note")} />
          <FieldMessage state={state} name="note" id={err("note")} />
        </label>
      </fieldset>
      <button type="submit" disabled={pending}>
        {pending ? "Recording…" : "Record authorization"}
      </button>
      <ActionMessage state={state} />
    </form>
  );
}
