"use client";

import { useState } from "react";
import type { ServerArticle } from "@/lib/articles/editor-types";

const STATUS_TEXT = {
  DRAFT: "Draft",
  IN_REVIEW: "In review",
  SCHEDULED: "Scheduled",
  PUBLISHED: "Published",
  ARCHIVED: "Archived",
} as const;

export function WorkflowBar(props: {
  article: ServerArticle | null;
  canPublish: boolean;
  notice: string | null;
  onSave: () => void;
  onSubmit: () => void;
  onPublish: () => void;
  onSchedule: (publishAt: string) => void;
  onUnpublish: () => void;
  onArchive: () => void;
}) {
  const [publishAt, setPublishAt] = useState("");
  const status = props.article?.status ?? "DRAFT";
  const live = status === "PUBLISHED" || status === "SCHEDULED";
  return (
    <div className="workflow" aria-label="Publishing">
      <p>
        Status: <strong data-testid="article-status">{STATUS_TEXT[status]}</strong>
        {props.article && (
          <>
            {" · "}
            <a href={`/admin/articles/${props.article.id}/preview`} target="_blank" rel="noopener">
              Preview
            </a>
            {" · "}
            <a href={`/admin/articles/${props.article.id}/revisions`}>Revisions</a>
          </>
        )}
      </p>
      <div className="workflow-buttons">
        <button type="button" onClick={props.onSave}>
          Save
        </button>
        {!props.canPublish && status === "DRAFT" && props.article && (
          <button type="button" onClick={props.onSubmit}>
            Submit for review
          </button>
        )}
        {props.canPublish && props.article && status !== "PUBLISHED" && (
          <button type="button" onClick={props.onPublish}>
            Publish now
          </button>
        )}
        {props.canPublish && live && (
          <button type="button" onClick={props.onUnpublish}>
            Unpublish
          </button>
        )}
        {props.canPublish && props.article && status !== "ARCHIVED" && (
          <button type="button" className="link-button" onClick={props.onArchive}>
            Archive
          </button>
        )}
      </div>
      {props.canPublish && props.article && status !== "PUBLISHED" && (
        <div className="schedule">
          <label>
            Publish at (your local time)
            <input type="datetime-local" value={publishAt} onChange={(e) => setPublishAt(e.target.value)} />
          </label>
          <button
            type="button"
            disabled={!publishAt}
            onClick={() => props.onSchedule(new Date(publishAt).toISOString())}
          >
            Schedule
          </button>
        </div>
      )}
      <p className="form-status" role="status" aria-live="polite" data-testid="workflow-notice">
        {props.notice}
      </p>
    </div>
  );
}
