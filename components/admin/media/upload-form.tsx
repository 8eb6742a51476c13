"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { ActionResult } from "@/lib/platform/actions/result";
import { ACCEPTED_IMAGE_TYPES, MAX_ALT_LENGTH } from "@/lib/media/rules";
import type { MediaItem } from "@/lib/media/types";
import { uploadMedia } from "./upload-media";
import { ActionMessage } from "@/components/ui/action-message";

function fieldError(state: ActionResult | null, name: string): string | undefined {
  return state && !state.ok ? state.fieldErrors?.[name]?.join(" ") : undefined;
}

/** The library page's upload form: an image plus its (required) alt text. */
export function UploadMediaForm() {
  const router = useRouter();
  const [state, setState] = useState<ActionResult<MediaItem> | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const file = data.get("file");
    if (!(file instanceof File) || file.size === 0) {
      setState({
        ok: false,
        code: "INVALID",
        message: "Choose an image to upload.",
        fieldErrors: { file: ["Choose an image to upload."] },
      });
      return;
    }
    setPending(true);
    const result = await uploadMedia(file, String(data.get("alt") ?? ""));
    setPending(false);
    setState(result);
    if (result.ok) {
      form.reset();
      router.refresh();
    }
  }

  const fileError = fieldError(state, "file");
  const altError = fieldError(state, "alt");
  return (
    <form className="stack" onSubmit={onSubmit} aria-label="Upload an image">
      <label>
        Image (JPEG, PNG, WebP or AVIF, up to 10 MB)
        <input
          name="file"
          type="file"
          accept={ACCEPTED_IMAGE_TYPES}
          required
          aria-invalid={fileError ? true : undefined}
          aria-describedby={fileError ? "file-error" : undefined}
        />
        {fileError && (
          <span className="field-error" id="file-error">
            {fileError}
          </span>
        )}
      </label>
      <label>
        Alt text (what the image shows, for readers who cannot see it)
        <textarea
          name="alt"
          required
          maxLength={MAX_ALT_LENGTH}
          rows={2}
          aria-invalid={altError ? true : undefined}
          aria-describedby={altError ? "alt-error" : undefined}
        />
        {altError && (
          <span className="field-error" id="alt-error">
            {altError}
          </span>
        )}
      </label>
      <button type="submit" disabled={pending}>
        {pending ? "Uploading…" : "Upload"}
      </button>
      <ActionMessage state={state} />
    </form>
  );
}
