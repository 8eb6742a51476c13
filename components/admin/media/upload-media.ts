// The browser's side of POST /api/admin/media. Uploads go to the route, not a server action:
// server actions cap request bodies at 1 MB.
import type { ActionResult } from "@/lib/platform/actions/result";
import { MAX_UPLOAD_BYTES, MEDIA_MESSAGES } from "@/lib/media/rules";
import type { MediaItem } from "@/lib/media/types";

export const MEDIA_API = "/api/admin/media";

export async function uploadMedia(file: File, alt: string): Promise<ActionResult<MediaItem>> {
  if (file.size > MAX_UPLOAD_BYTES) {
    return {
      ok: false,
      code: "INVALID",
      message: MEDIA_MESSAGES.tooLarge,
      fieldErrors: { file: [MEDIA_MESSAGES.tooLarge] },
    };
  }
  const body = new FormData();
  body.set("file", file);
  body.set("alt", alt);
  try {
    const response = await fetch(MEDIA_API, { method: "POST", body });
    const result = (await response.json().catch(() => null)) as ActionResult<MediaItem> | null;
    if (result && typeof result.ok === "boolean") return result;
    return { ok: false, code: "INVALID", message: `The upload failed (HTTP ${response.status}). Try again.` };
  } catch {
    return {
      ok: false,
      code: "INVALID",
      message: "The upload did not reach the server. Check the connection and try again.",
    };
  }
}
