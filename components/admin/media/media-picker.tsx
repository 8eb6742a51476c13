"use client";

// Choosing an image from the media library, e.g. from the article editor. Uses no <form>, so it
// can sit inside another form; every button is type="button".
import { useCallback, useEffect, useId, useRef, useState } from "react";
import type { ActionResult } from "@/lib/platform/actions/result";
import { fetchResult } from "@/lib/platform/http/json-client";
import { ACCEPTED_IMAGE_TYPES, MAX_ALT_LENGTH } from "@/lib/media/rules";
import { thumbnailUrl, type MediaItem, type MediaPage } from "@/lib/media/types";
import styles from "./media.module.css";
import { MEDIA_API, uploadMedia } from "./upload-media";

export interface PickedMedia {
  id: string;
  url: string;
  alt: string;
  width: number;
  height: number;
}

const PAGE_SIZE = 24;

async function fetchPage(q: string, cursor: string | null): Promise<MediaPage> {
  const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (q) query.set("q", q);
  if (cursor) query.set("cursor", cursor);
  const result = await fetchResult<MediaPage>(
    `${MEDIA_API}?${query}`,
    { cache: "no-store" },
    "The media library",
  );
  if (!result.ok) throw new Error(result.message);
  return result.data ?? { items: [], nextCursor: null };
}

/**
 * Lists the library (newest first, searchable), uploads inline, and calls `onPick` with the
 * chosen image and its alt text, which must not be empty.
 */
export function MediaPicker({
  onPick,
  onCancel,
}: {
  onPick: (media: PickedMedia) => void;
  onCancel?: () => void;
}) {
  const id = useId();
  const [query, setQuery] = useState("");
  const [items, setItems] = useState<MediaItem[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<MediaItem | null>(null);
  const [alt, setAlt] = useState("");
  const [uploadAlt, setUploadAlt] = useState("");
  const [uploadState, setUploadState] = useState<ActionResult<MediaItem> | null>(null);
  const [uploading, setUploading] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const request = useRef(0);

  const load = useCallback(async (q: string, cursor: string | null) => {
    const current = ++request.current;
    setLoading(true);
    setError(null);
    try {
      const page = await fetchPage(q, cursor);
      if (current !== request.current) return;
      setItems((previous) => (cursor ? [...previous, ...page.items] : page.items));
      setNextCursor(page.nextCursor);
    } catch (failure) {
      if (current === request.current) setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      if (current === request.current) setLoading(false);
    }
  }, []);

  // Search as the query settles.
  useEffect(() => {
    const timer = setTimeout(() => void load(query.trim(), null), query ? 300 : 0);
    return () => clearTimeout(timer);
  }, [query, load]);

  function select(media: MediaItem) {
    setSelected(media);
    setAlt(media.alt);
  }

  async function upload() {
    const file = fileInput.current?.files?.[0];
    if (!file) {
      setUploadState({ ok: false, code: "INVALID", message: "Choose an image to upload." });
      return;
    }
    if (!uploadAlt.trim()) {
      setUploadState({
        ok: false,
        code: "INVALID",
        message: "Describe the image (alt text) before uploading.",
      });
      return;
    }
    setUploading(true);
    const result = await uploadMedia(file, uploadAlt);
    setUploading(false);
    setUploadState(result);
    if (result.ok && result.data) {
      const media = result.data;
      setItems((previous) => [media, ...previous.filter((item) => item.id !== media.id)]);
      select(media);
      setUploadAlt("");
      if (fileInput.current) fileInput.current.value = "";
    }
  }

  const trimmedAlt = alt.trim();
  return (
    <div className={styles.picker} role="group" aria-labelledby={`${id}-title`}>
      <strong id={`${id}-title`}>Media library</strong>
      <label>
        Search by file name or alt text
        <input
          type="search"
          value={query}
          maxLength={200}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            // Inside another form, Enter would submit it.
            if (event.key === "Enter") event.preventDefault();
          }}
        />
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <ul className={styles.pickerGrid} aria-busy={loading}>
        {items.map((media) => (
          <li key={media.id}>
            <button
              type="button"
              className={styles.pickerItem}
              aria-pressed={selected?.id === media.id}
              title={media.alt || media.fileName}
              onClick={() => select(media)}
            >
              {/* eslint-disable-next-line @next/next/no-img-element -- already resized; served from /media */}
              <img src={thumbnailUrl(media)} alt={media.alt || media.fileName} loading="lazy" />
            </button>
          </li>
        ))}
      </ul>
      {!loading && items.length === 0 && !error && (
        <p className="meta">{query.trim() ? "No images match." : "No images yet: upload one below."}</p>
      )}
      {nextCursor && (
        <button
          type="button"
          className="link-button"
          disabled={loading}
          onClick={() => void load(query.trim(), nextCursor)}
        >
          {loading ? "Loading…" : "Show older images"}
        </button>
      )}

      {selected && (
        <div className={styles.selection}>
          {/* eslint-disable-next-line @next/next/no-img-element -- already resized; served from /media */}
          <img src={thumbnailUrl(selected)} alt="" />
          <div className="stack">
            <span className="meta">
              {selected.fileName} · {selected.width} × {selected.height}
            </span>
            <label>
              Alt text for this use
              <textarea
                value={alt}
                maxLength={MAX_ALT_LENGTH}
                rows={2}
                required
                aria-describedby={`${id}-alt-hint`}
                onChange={(event) => setAlt(event.target.value)}
              />
            </label>
            {!trimmedAlt && (
              <span className="field-error" id={`${id}-alt-hint`}>
                Add alt text before using this image.
              </span>
            )}
            <div className="row-actions">
              <button
                type="button"
                disabled={!trimmedAlt}
                onClick={() =>
                  onPick({
                    id: selected.id,
                    url: selected.url,
                    alt: trimmedAlt,
                    width: selected.width,
                    height: selected.height,
                  })
                }
              >
                Use this image
              </button>
              {onCancel && (
                <button type="button" className="link-button" onClick={onCancel}>
                  Cancel
                </button>
              )}
            </div>
          </div>
        </div>
      )}
      {!selected && onCancel && (
        <button type="button" className="link-button" onClick={onCancel}>
          Cancel
        </button>
      )}

      <div className={styles.uploadBox}>
        <strong>Upload a new image</strong>
        <label>
          Image (JPEG, PNG, WebP or AVIF, up to 10 MB)
          <input ref={fileInput} type="file" accept={ACCEPTED_IMAGE_TYPES} />
        </label>
        <label>
          Alt text
          <textarea
            value={uploadAlt}
            maxLength={MAX_ALT_LENGTH}
            rows={2}
            onChange={(event) => setUploadAlt(event.target.value)}
          />
        </label>
        <button type="button" disabled={uploading} onClick={() => void upload()}>
          {uploading ? "Uploading…" : "Upload"}
        </button>
        <p
          className={uploadState?.ok === false ? "form-error" : "form-status"}
          role="status"
          aria-live="polite"
        >
          {uploadState?.message}
        </p>
      </div>
    </div>
  );
}
