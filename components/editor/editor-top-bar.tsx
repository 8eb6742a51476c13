"use client";

import { ArrowLeft, Eye } from "lucide-react";
import Link from "next/link";
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
  notice: string | null;
  onSave: () => void;
  onSubmit: () => void;
  onPublish: () => void;
}) {
  const status = props.article?.status ?? "DRAFT";
  return (
    <div className="editor-topbar" aria-label="Article status and actions" role="region">
      <Link href="/admin/articles" className="editor-back">
        <ArrowLeft aria-hidden size={16} /> Articles
      </Link>
      <span className={`status-pill status-${status.toLowerCase()}`} data-testid="article-status">
        {STATUS_TEXT[status]}
      </span>
      <SaveIndicator status={props.saveStatus} />
      <span className="meta editor-counts">
        <span data-testid="word-count">{props.words} words</span> · {props.minutes} min read
      </span>
      <p className="form-status editor-notice" role="status" aria-live="polite" data-testid="workflow-notice">
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
        {props.canPublish && props.article && status !== "PUBLISHED" && (
          <button type="button" className="button button-primary" onClick={props.onPublish}>
            Publish now
          </button>
        )}
      </div>
    </div>
  );
}
