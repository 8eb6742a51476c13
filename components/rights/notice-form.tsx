"use client";

// The public takedown notice form: each field labelled in English with Chinese beside it, sent as
// JSON to /api/rights/notices. A refusal is shown next to each field it names; success shows the
// case number.
import { useRef, useState, type FormEvent, type ReactNode } from "react";
import { fetchResult } from "@/lib/platform/http/json-client";
import type { ActionResult } from "@/lib/platform/actions/result";
import { NOTICE_LABELS, NOTICE_LIMITS, type NoticeField } from "@/lib/rights/notices/elements";
import styles from "./notice-form.module.css";

function Label({ field }: { field: NoticeField }) {
  const { en, zh } = NOTICE_LABELS[field];
  return (
    <span>
      {en}{" "}
      <span lang="zh-Hans" className={styles.zh}>
        {zh}
      </span>
    </span>
  );
}

export function NoticeForm() {
  const [state, setState] = useState<ActionResult<{ caseNumber: string }> | null>(null);
  const [sending, setSending] = useState(false);
  const honeypot = useRef<HTMLInputElement>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const fields = Object.fromEntries([...form.entries()].filter(([, value]) => typeof value === "string"));
    setSending(true);
    const result = await fetchResult<{ caseNumber: string }>(
      "/api/rights/notices",
      {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ ...fields, website2: honeypot.current?.value ?? "" }),
      },
      "The notice",
    );
    setSending(false);
    setState(result);
  }

  if (state?.ok) {
    return (
      <div className={styles.received} role="status">
        <p>
          <strong>{state.message}</strong>
        </p>
        {state.data?.caseNumber && (
          <p>
            Case number 案件编号: <strong data-testid="case-number">{state.data.caseNumber}</strong>
          </p>
        )}
      </div>
    );
  }

  const errors = (field: string): ReactNode => {
    const messages = state && !state.ok ? state.fieldErrors?.[field] : undefined;
    if (!messages?.length) return null;
    return (
      <span className="field-error" id={`${field}-error`}>
        {messages.join(" ")}
      </span>
    );
  };
  const described = (field: string) =>
    state && !state.ok && state.fieldErrors?.[field]
      ? { "aria-describedby": `${field}-error`, "aria-invalid": true }
      : {};

  return (
    <form className="stack wide" onSubmit={onSubmit} noValidate>
      <fieldset className="stack">
        <legend>About you 关于您</legend>
        <label>
          <Label field="claimantName" />
          <input
            name="claimantName"
            autoComplete="name"
            maxLength={NOTICE_LIMITS.claimantName}
            {...described("claimantName")}
          />
          {errors("claimantName")}
        </label>
        <label>
          <Label field="organisation" />
          <input name="organisation" autoComplete="organization" maxLength={NOTICE_LIMITS.organisation} />
          {errors("organisation")}
        </label>
        <label>
          <Label field="contactEmail" />
          <input
            name="contactEmail"
            type="email"
            autoComplete="email"
            maxLength={NOTICE_LIMITS.contactEmail}
            {...described("contactEmail")}
          />
          {errors("contactEmail")}
        </label>
      </fieldset>
      <fieldset className="stack">
        <legend>The work 作品</legend>
        <label>
          <Label field="workTitle" />
          <input name="workTitle" maxLength={NOTICE_LIMITS.workTitle} {...described("workTitle")} />
          {errors("workTitle")}
        </label>
        <label>
          <Label field="workUrl" />
          <input
            name="workUrl"
            type="url"
            inputMode="url"
            maxLength={NOTICE_LIMITS.workUrl}
            {...described("workUrl")}
          />
          {errors("workUrl")}
        </label>
        <label>
          <Label field="articleUrls" />
          <textarea name="articleUrls" rows={4} {...described("articleUrls")} />
          {errors("articleUrls")}
        </label>
        <label>
          <Label field="details" />
          <textarea name="details" rows={4} maxLength={NOTICE_LIMITS.details} />
          {errors("details")}
        </label>
      </fieldset>
      <fieldset className="stack">
        <legend>Statements and signature 声明与签名</legend>
        <label className={styles.statement}>
          <input type="checkbox" name="goodFaith" value="true" {...described("goodFaith")} />
          <Label field="goodFaith" />
        </label>
        {errors("goodFaith")}
        <label className={styles.statement}>
          <input type="checkbox" name="accuracy" value="true" {...described("accuracy")} />
          <Label field="accuracy" />
        </label>
        {errors("accuracy")}
        <label>
          <Label field="signature" />
          <input
            name="signature"
            autoComplete="name"
            maxLength={NOTICE_LIMITS.signature}
            {...described("signature")}
          />
          {errors("signature")}
        </label>
      </fieldset>
      <div className={styles.honeypot} aria-hidden="true">
        <label>
          Leave this field empty
          <input
            ref={honeypot}
            type="text"
            name="website2"
            tabIndex={-1}
            autoComplete="off"
            defaultValue=""
          />
        </label>
      </div>
      <button type="submit" disabled={sending}>
        {sending ? "Sending…" : "Send notice 提交通知"}
      </button>
      <p className={state?.ok === false ? "form-error" : "form-status"} role="status" aria-live="polite">
        {state?.ok === false ? state.message : ""}
      </p>
    </form>
  );
}
