// Media for the admin screens: POST uploads one image (multipart: file, alt), GET lists recent
// media for the picker (?q=, ?cursor=, ?limit=).
import type { NextRequest } from "next/server";
import { defineRoute } from "@/lib/platform/actions/define-route";
import type { ActionDefinition } from "@/lib/platform/actions/run-action";
import { listMedia } from "@/lib/media/list-media";
import { processUpload } from "@/lib/media/process-upload";
import { ListMediaQuerySchema, MAX_UPLOAD_BYTES, MEDIA_MESSAGES, UploadMediaSchema } from "@/lib/media/rules";
import type { MediaItem } from "@/lib/media/types";
import { jsonError, NO_STORE } from "@/lib/platform/http/json-errors";
import { can } from "@/lib/platform/permissions";
import { getCurrentUser } from "@/lib/platform/session";

const upload: ActionDefinition<typeof UploadMediaSchema, MediaItem> = {
  permission: "media.upload",
  schema: UploadMediaSchema,
  async handler({ file, alt }, { actor, ip }) {
    const media = await processUpload(file, file.name, alt, actor, ip);
    return { ok: true, message: "Image uploaded.", data: media };
  },
};

export const POST = defineRoute(upload as unknown as ActionDefinition, {
  upload: { maxFileBytes: MAX_UPLOAD_BYTES, message: MEDIA_MESSAGES.tooLarge },
});

export async function GET(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user) {
    return jsonError({ code: "UNAUTHENTICATED", message: "Your session has ended. Please sign in again." });
  }
  if (!can(user, "media.upload")) {
    return jsonError({ code: "FORBIDDEN", message: "Your role does not allow this." });
  }
  const query = ListMediaQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  const page = await listMedia(query);
  return Response.json({ data: page }, { headers: NO_STORE });
}
