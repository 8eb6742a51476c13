"use client";

import { ArrowLeft, Eye } from "lucide-react";
import Link from "next/link";
import { isoMinute } from "@/lib/rights/authorizations/status";
import { SaveIndicator } from "./save-indicator";
import type { ServerArticle } from "@/lib/articles/editor-types";
import type { SaveStatus } from "./use-autosave";

export const STATUS_TEXT = {
  DRAFT: "Draft",
  IN_REVIEW: "In review",
  SCHEDULED: "Scheduled",
  PUBLISHED: "Published",
  ARCHIVED: "Archived",
} as const;

/**
 * Stays at the top while the editor scrolls: where the article stands, whether it is saved, how
 * long it is, and the two things done most: Save (Ctrl/⌘+S) and Publish.
 */
export function EditorTopBar(props: {
  article: ServerArticle | null;
  canPublish: boolean;
  saveStatus: SaveStatus;
  words: number;
  minutes: number;
  /** The last refusal (publishing refused, say); successes are told in a toast. */
  notice: string | null;
  onSave: () => void;
  onSubmit: () => void;
  onPublish: () => void;
  /** Why Publish cannot succeed now (the rights check refuses), or null. */
  publishBlocked: string | null;
}) {
  const status = props.article?.status ?? "DRAFT";
  const withdrawn = props.article?.withdrawn ?? null;
  return (
    <div className="editor-topbar" aria-label="Article status and actions" role="region">
      <Link href="/admin/articles" className="editor-back">
        <ArrowLeft aria-hidden size={16} /> Articles
      </Link>
      <span
        className={`status-pill status-${withdrawn ? "withdrawn" : status.toLowerCase()}`}
        data-testid="article-status"
      >
        {withdrawn ? "Withdrawn" : STATUS_TEXT[status]}
      </span>
      {withdrawn && props.article && (
        <p className="withdrawn-notice" data-testid="withdrawn-notice">
          Its address answers 451 since{" "}
          <time dateTime={withdrawn.at}>{isoMinute(new Date(withdrawn.at))}</time>
          {withdrawn.reason ? `: ${withdrawn.reason}` : "."}{" "}
          {props.article.authorizationId && (
            <a href={`/admin/authorizations/${props.article.authorizationId}`}>See the authorization</a>
          )}
        </p>
      )}
      <SaveIndicator status={props.saveStatus} />
      <span className="meta editor-counts">
        <span data-testid="word-count">{props.words} words</span> · {props.minutes} min read
      </span>
      <p className="form-status editor-notice" role="alert" data-testid="workflow-notice">
        {props.notice}
      </p>
      <div className="editor-topbar-actions">
        {props.article && (
          <a
            href={`/admin/articles/${props.article.id}/preview`}
            target="_blank"
            rel="noopener"
            className="button"
          >
            <Eye aria-hidden size={16} /> Preview
          </a>
        )}
        <button type="button" className="button" title="Save (Ctrl/⌘+S)" onClick={props.onSave}>
          Save
        </button>
        {!props.canPublish && status === "DRAFT" && props.article && (
          <button type="button" className="button button-primary" onClick={props.onSubmit}>
            Submit for review
          </button>
        )}
        {props.canPublish && props.article && (status !== "PUBLISHED" || withdrawn) && (
          <button
            type="button"
            className="button button-primary"
            onClick={props.onPublish}
            disabled={props.publishBlocked !== null}
            title={props.publishBlocked ?? undefined}
          >
            {withdrawn ? "Publish again" : "Publish now"}
          </button>
        )}
      </div>
    </div>
  );
}
