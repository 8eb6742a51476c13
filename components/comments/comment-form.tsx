"use client";

// The comment form, as readers know it from WordPress. It posts JSON to /api/comments and shows
// the reader's own comment at once, held or not. A saved commenter's email never reaches this
// code: the server reads it from an HttpOnly cookie.
import { useEffect, useRef, useState, type FormEvent } from "react";
import type { PublicComment } from "@/lib/comments/public-comments";
import { errorOfBody } from "@/lib/platform/http/json-errors";
import { commentAnchor } from "./comment-card";
import styles from "./comments.module.css";
import { useComments } from "./comments-provider";
import { addOwnComment } from "./own-comments";
import { savedCommenterChanged, useSavedCommenterName } from "./saved-commenter-name";

type Field = "name" | "email" | "website" | "body";

interface Feedback {
  message: string | null;
  fieldErrors: Partial<Record<Field, string>>;
}

/** The asterisk is for the eye; `required` tells assistive technology. */
const Required = () => <span aria-hidden="true">*</span>;

const NO_FEEDBACK: Feedback = { message: null, fieldErrors: {} };
const errorId = (field: Field) => `comment-${field}-error`;
export const ownCommentId = (id: string) => `own-${commentAnchor(id)}`;

async function forgetSavedCommenter(): Promise<void> {
  await fetch("/api/comments", { method: "DELETE" }).catch(() => null);
  savedCommenterChanged();
}

export function CommentForm() {
  const { articleId, replyTo, cancelReply, draft, updateDraft, announce } = useComments();
  const savedName = useSavedCommenterName();
  const [feedback, setFeedback] = useState<Feedback>(NO_FEEDBACK);
  const [sending, setSending] = useState(false);
  const [notifyReplies, setNotifyReplies] = useState(false);
  const bodyField = useRef<HTMLTextAreaElement>(null);
  const honeypot = useRef<HTMLInputElement>(null);

  // A reply form appears under the comment: take the reader straight to the text.
  useEffect(() => {
    if (replyTo) bodyField.current?.focus();
  }, [replyTo]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending) return;
    setSending(true);
    setFeedback(NO_FEEDBACK);
    const remember = !savedName && draft.remember;
    const payload = {
      articleId,
      parentId: replyTo?.id,
      ...(savedName ? {} : { name: draft.name, email: draft.email }),
      website: draft.website,
      body: draft.body,
      website2: honeypot.current?.value ?? "",
      remember,
      notifyReplies,
    };
    const response = await fetch("/api/comments", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(payload),
    }).catch(() => null);
    const data = (await response?.json().catch(() => null)) as {
      status?: "approved" | "pending";
      comment?: PublicComment;
    } | null;
    setSending(false);

    if (response && (response.status === 201 || response.status === 202) && data?.comment) {
      const pending = data.status !== "approved";
      const posted = data.comment;
      addOwnComment(articleId, { ...posted, pending });
      // Once saved, the email lives only in the HttpOnly cookie, not in this page's memory.
      updateDraft(remember ? { body: "", name: "", email: "", remember: false } : { body: "" });
      if (remember) savedCommenterChanged();
      setNotifyReplies(false);
      if (replyTo) cancelReply({ restoreFocus: false });
      announce(pending ? "Your comment is awaiting moderation." : "Your comment has been published.");
      requestAnimationFrame(() => document.getElementById(ownCommentId(posted.id))?.focus());
      return;
    }

    const error = errorOfBody(data);
    if (!response || !error) {
      setFeedback({
        message: response
          ? "Something went wrong on our side. Please try again in a moment."
          : "Your comment could not be sent. Check your connection and try again.",
        fieldErrors: {},
      });
      return;
    }
    const fieldErrors = Object.fromEntries(
      Object.entries(error.fieldErrors ?? {}).map(([field, messages]) => [field, messages.join(" ")]),
    ) as Feedback["fieldErrors"];
    if (savedName && (fieldErrors.name || fieldErrors.email)) {
      // The saved details are gone or no longer readable: ask for them again.
      await forgetSavedCommenter();
      setFeedback({ message: "Please enter your name and email again.", fieldErrors });
      return;
    }
    // A refusal about a field is said next to it, once; the line by the button is for the rest.
    const aboutFields = Object.values(fieldErrors).some(Boolean);
    setFeedback({ message: aboutFields ? null : error.message, fieldErrors });
  }

  const describedBy = (field: Field, ...more: string[]) => [...more, errorId(field)].join(" ");
  const invalid = (field: Field) => (feedback.fieldErrors[field] ? true : undefined);
  const fieldError = (field: Field) => (
    <span className="field-error" id={errorId(field)} aria-live="polite">
      {feedback.fieldErrors[field]}
    </span>
  );

  return (
    <form
      id={replyTo ? undefined : "comment-form"}
      className={replyTo ? `${styles.form} ${styles.replyForm}` : styles.form}
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="comment-form-heading"
    >
      <div className={styles.formActions}>
        <h3 className={styles.formHeading} id="comment-form-heading">
          {replyTo ? `Reply to ${replyTo.authorName}` : "Leave a reply"}
        </h3>
        {replyTo && (
          <button type="button" className="link-button" onClick={() => cancelReply()}>
            Cancel reply
          </button>
        )}
      </div>
      <p className={styles.formNote}>
        Required fields are marked <Required />.
      </p>

      {savedName ? (
        <p className={styles.formNote}>
          Commenting as <strong>{savedName}</strong>.{" "}
          <button type="button" className="link-button" onClick={() => void forgetSavedCommenter()}>
            Not you?
          </button>
        </p>
      ) : (
        <>
          <div className={styles.field}>
            <label htmlFor="comment-name">
              Name <Required />
            </label>
            <input
              id="comment-name"
              type="text"
              name="name"
              autoComplete="name"
              required
              value={draft.name}
              onChange={(e) => updateDraft({ name: e.target.value })}
              aria-invalid={invalid("name")}
              aria-describedby={describedBy("name")}
            />
            {fieldError("name")}
          </div>
          <div className={styles.field}>
            <label htmlFor="comment-email">
              Email <Required />
            </label>
            <input
              id="comment-email"
              type="email"
              name="email"
              autoComplete="email"
              required
              value={draft.email}
              onChange={(e) => updateDraft({ email: e.target.value })}
              aria-invalid={invalid("email")}
              aria-describedby={describedBy("email", "comment-email-hint")}
            />
            <span className={styles.hint} id="comment-email-hint">
              Your email is never published.
            </span>
            {fieldError("email")}
          </div>
        </>
      )}
      <div className={styles.field}>
        <label htmlFor="comment-website">Website</label>
        <input
          id="comment-website"
          type="text"
          inputMode="url"
          name="website"
          autoComplete="url"
          spellCheck={false}
          value={draft.website}
          onChange={(e) => updateDraft({ website: e.target.value })}
          aria-invalid={invalid("website")}
          aria-describedby={describedBy("website")}
        />
        {fieldError("website")}
      </div>
      <div className={styles.field}>
        <label htmlFor="comment-body">
          Comment <Required />
        </label>
        <textarea
          id="comment-body"
          ref={bodyField}
          name="body"
          required
          rows={6}
          value={draft.body}
          onChange={(e) => updateDraft({ body: e.target.value })}
          aria-invalid={invalid("body")}
          aria-describedby={describedBy("body")}
        />
        {fieldError("body")}
      </div>
      {/* Honeypot: people never see or reach it; a bot that fills it is quietly held as spam. */}
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
      {!savedName && (
        <label className={styles.checkbox}>
          <input
            type="checkbox"
            name="remember"
            checked={draft.remember}
            onChange={(e) => updateDraft({ remember: e.target.checked })}
          />
          Save my name and email in this browser for the next time I comment
        </label>
      )}
      <label className={styles.checkbox}>
        <input
          type="checkbox"
          name="notifyReplies"
          checked={notifyReplies}
          onChange={(e) => setNotifyReplies(e.target.checked)}
        />
        Email me when someone replies (we will send a link to confirm first)
      </label>
      <p className="form-error" aria-live="polite">
        {feedback.message}
      </p>
      <button type="submit" disabled={sending}>
        Post comment
      </button>
    </form>
  );
}
