"use client";

// Look up, export or erase one commenter's data by email. The address travels only in request
// bodies (a server action, a POST for the download), never in a URL.
import { useId, useState, useTransition } from "react";
import { eraseCommenter, lookUpCommenter } from "@/app/(admin)/admin/settings/commenters/actions";
import type { ActionResult } from "@/lib/platform/actions/result";
import { errorOfBody } from "@/lib/platform/http/json-errors";
import type { CommenterSummary } from "@/lib/comments/commenter-data";
import { confirmationFromText, useConfirm } from "@/components/ui/confirm-dialog";

const EXPORT_URL = "/admin/settings/commenters/export";
const STATUS_LABELS = { APPROVED: "approved", PENDING: "pending", SPAM: "spam", TRASH: "trash" } as const;

function describe(summary: CommenterSummary): string {
  const parts = Object.entries(STATUS_LABELS)
    .map(([status, label]) => [summary.byStatus[status as keyof typeof STATUS_LABELS] ?? 0, label] as const)
    .filter(([count]) => count > 0)
    .map(([count, label]) => `${count} ${label}`);
  return parts.length ? ` (${parts.join(", ")})` : "";
}

async function download(email: string): Promise<ActionResult> {
  const response = await fetch(EXPORT_URL, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email }),
  });
  if (!response.ok) {
    const error = errorOfBody(await response.json().catch(() => null));
    if (error) return { ok: false, ...error };
    return { ok: false, code: "SERVER_ERROR", message: `The export failed (HTTP ${response.status}).` };
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") ?? "")?.[1];
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = name ?? "commenter-data.json";
  link.click();
  URL.revokeObjectURL(url);
  return { ok: true, message: "The export was downloaded." };
}

export function CommenterDataPanel() {
  const id = useId();
  const [email, setEmail] = useState("");
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, startTransition] = useTransition();
  const [ask, dialog] = useConfirm();

  function run(work: () => Promise<ActionResult>) {
    startTransition(async () => {
      try {
        setResult(await work());
      } catch {
        setResult({
          ok: false,
          code: "SERVER_ERROR",
          message: "The server could not be reached. Try again.",
        });
      }
    });
  }

  const errors = result && !result.ok ? (result.fieldErrors?.email ?? []) : [];
  const message =
    result?.ok && result.data && typeof result.data === "object" && "byStatus" in result.data
      ? `${result.message}${describe(result.data as CommenterSummary)}`
      : result?.message;

  return (
    <>
      <form
        className="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          run(() => lookUpCommenter({ email }));
        }}
      >
        <label htmlFor={`${id}-email`}>
          Commenter’s email address
          <input
            id={`${id}-email`}
            type="email"
            name="email"
            autoComplete="off"
            maxLength={100}
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            aria-invalid={errors.length > 0 || undefined}
            aria-describedby={`${id}-email-error`}
          />
          {errors.length > 0 && (
            <span className="field-error" id={`${id}-email-error`}>
              {errors.join(" ")}
            </span>
          )}
        </label>
        <div className="row-actions">
          <button type="submit" disabled={pending}>
            Count comments
          </button>
          <button type="button" disabled={pending} onClick={() => run(() => download(email))}>
            Export (JSON)
          </button>
          <button
            type="button"
            disabled={pending}
            onClick={() => {
              const erased = email;
              ask(
                confirmationFromText(
                  `Erase the name, email, website, IP and browser of every comment from ${erased}? The comment text stays. This cannot be undone.`,
                  "Erase",
                ),
                () => run(() => eraseCommenter({ email: erased })),
              );
            }}
          >
            Erase…
          </button>
        </div>
        <p className={result?.ok === false ? "form-error" : "form-status"} role="status" aria-live="polite">
          {pending ? "Working…" : message}
        </p>
      </form>
      {dialog}
    </>
  );
}
