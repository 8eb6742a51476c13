"use client";

// "Report" under a published comment: asks why, then tells the moderators. The server counts one
// report per reader; a second one is told so, kindly.
import { useState, type FormEvent } from "react";
import { REPORT_REASON_LABELS, REPORT_REASONS } from "@/lib/comments/report-reasons";
import { errorOfBody } from "@/lib/platform/http/json-errors";
import styles from "./comments.module.css";

type State = "closed" | "open" | "sending" | "sent";

export function ReportComment({ commentId }: { commentId: string }) {
  const [state, setState] = useState<State>("closed");
  const [error, setError] = useState<string | null>(null);
  const selectId = `report-reason-${commentId}`;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get("reason") ?? "");
    if (!reason) {
      setError("Choose why you are reporting this comment.");
      return;
    }
    setState("sending");
    setError(null);
    const response = await fetch(`/api/comments/${encodeURIComponent(commentId)}/report`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ reason }),
    }).catch(() => null);
    if (response?.ok) {
      setState("sent");
      return;
    }
    const error = errorOfBody(await response?.json().catch(() => null));
    // Already reported by this reader: as good as sent.
    if (error?.code === "CONFLICT") {
      setState("sent");
      return;
    }
    setState("open");
    setError(
      error?.message ??
        (response ? "The report could not be sent." : "The report could not be sent. Check your connection."),
    );
  }

  if (state === "sent") {
    return (
      <span role="status" className={styles.formNote}>
        Thank you. A moderator will look at this comment.
      </span>
    );
  }
  if (state === "closed") {
    return (
      <button type="button" className="link-button" onClick={() => setState("open")}>
        Report
      </button>
    );
  }
  return (
    <form className={styles.reportForm} onSubmit={onSubmit} aria-label="Report this comment">
      <label htmlFor={selectId}>Why are you reporting this comment?</label>
      <select id={selectId} name="reason" required defaultValue="" aria-describedby={`${selectId}-error`}>
        <option value="" disabled>
          Choose a reason
        </option>
        {REPORT_REASONS.map((reason) => (
          <option key={reason} value={reason}>
            {REPORT_REASON_LABELS[reason]}
          </option>
        ))}
      </select>
      <button type="submit" disabled={state === "sending"}>
        Send report
      </button>
      <button type="button" className="link-button" onClick={() => setState("closed")}>
        Cancel
      </button>
      <span className="field-error" id={`${selectId}-error`} aria-live="polite">
        {error}
      </span>
    </form>
  );
}
