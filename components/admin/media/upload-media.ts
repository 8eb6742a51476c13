// The browser's side of POST /api/admin/media.
import type { ActionResult } from "@/lib/platform/actions/result";
import { MAX_UPLOAD_BYTES, MEDIA_MESSAGES } from "@/lib/media/rules";
import type { MediaItem } from "@/lib/media/types";
import { uploadFile } from "../upload-file";

export const MEDIA_API = "/api/admin/media";

export function uploadMedia(file: File, alt: string): Promise<ActionResult<MediaItem>> {
  return uploadFile(
    MEDIA_API,
    { file, alt },
    { maxFileBytes: MAX_UPLOAD_BYTES, message: MEDIA_MESSAGES.tooLarge },
  );
}
