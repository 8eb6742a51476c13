"use client";

import { useState } from "react";
import type { ServerArticle } from "@/lib/articles/editor-types";

/** The side panel's publishing box: revisions, scheduling, unpublishing and archiving. */
export function WorkflowBar(props: {
  article: ServerArticle | null;
  canPublish: boolean;
  /** A reprint: link to its original, side by side with our text. */
  isReprint: boolean;
  onSchedule: (publishAt: string) => void;
  onUnpublish: () => void;
  onArchive: () => void;
  /** Why scheduling cannot succeed now (the rights check refuses), or null. */
  publishBlocked: string | null;
}) {
  const [publishAt, setPublishAt] = useState("");
  const status = props.article?.status ?? "DRAFT";
  const live = status === "PUBLISHED" || status === "SCHEDULED";
  if (!props.article) return null;
  return (
    <div className="workflow" aria-label="Publishing" role="group">
      <p>
        <a href={`/admin/articles/${props.article.id}/revisions`}>Revisions</a>
        {props.isReprint && (
          <>
            {" · "}
            <a href={`/admin/articles/${props.article.id}/original`}>Original and translation</a>
          </>
        )}
      </p>
      {props.canPublish && status !== "PUBLISHED" && (
        <div className="schedule">
          <label>
            Publish at (your local time)
            <input type="datetime-local" value={publishAt} onChange={(e) => setPublishAt(e.target.value)} />
          </label>
          <button
            type="button"
            disabled={!publishAt || props.publishBlocked !== null}
            title={props.publishBlocked ?? undefined}
            onClick={() => props.onSchedule(new Date(publishAt).toISOString())}
          >
            Schedule
          </button>
        </div>
      )}
      {props.canPublish && (
        <div className="workflow-buttons">
          {live && (
            <button type="button" onClick={props.onUnpublish}>
              Unpublish
            </button>
          )}
          {status !== "ARCHIVED" && (
            <button type="button" className="link-button" onClick={props.onArchive}>
              Archive
            </button>
          )}
        </div>
      )}
    </div>
  );
}
