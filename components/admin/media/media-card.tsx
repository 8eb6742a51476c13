"use client";

import { deleteMedia, updateMediaAlt } from "@/app/(admin)/admin/media/actions";
import { ActionForm, FieldError } from "@/components/ui/action-form";
import { MAX_ALT_LENGTH } from "@/lib/media/rules";
import { thumbnailUrl, type MediaItem } from "@/lib/media/types";
import styles from "./media.module.css";

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** One image of the library: preview, facts, alt text editing and deletion. */
export function MediaCard({ media }: { media: MediaItem }) {
  return (
    <li className={styles.card} data-testid={`media-${media.id}`}>
      <a href={media.url} target="_blank" rel="noreferrer">
        {/* eslint-disable-next-line @next/next/no-img-element -- already resized; served from /media */}
        <img className={styles.thumb} src={thumbnailUrl(media)} alt={media.alt} loading="lazy" />
      </a>
      <p className={styles.caption}>{media.alt || <span className={styles.missingAlt}>No alt text</span>}</p>
      <p className={`meta ${styles.caption}`}>
        {media.width} × {media.height} · {formatBytes(media.byteSize)} · {media.fileName}
      </p>
      <details>
        <summary>Edit alt text</summary>
        <ActionForm action={updateMediaAlt} submitLabel="Save alt text" className="stack">
          {(state) => (
            <>
              <input type="hidden" name="mediaId" value={media.id} />
              <label>
                <span className="visually-hidden">Alt text of {media.fileName}</span>
                <textarea name="alt" defaultValue={media.alt} required maxLength={MAX_ALT_LENGTH} rows={3} />
                <FieldError state={state} name="alt" />
              </label>
            </>
          )}
        </ActionForm>
      </details>
      <ActionForm
        action={deleteMedia}
        submitLabel="Delete"
        className="inline"
        confirm={`Delete ${media.fileName}? Its files are removed for good.`}
      >
        {() => <input type="hidden" name="mediaId" value={media.id} />}
      </ActionForm>
    </li>
  );
}
