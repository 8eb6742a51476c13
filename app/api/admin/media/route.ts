// Media for the admin screens: POST uploads one image (multipart: file, alt), GET lists recent
// media for the picker (?q=, ?cursor=, ?limit=).
import { NextResponse, type NextRequest } from "next/server";
import { defineRoute, type GuardedRoute } from "@/lib/actions/define-route";
import type { ActionDefinition } from "@/lib/actions/run-action";
import { listMedia } from "@/lib/media/list-media";
import { processUpload } from "@/lib/media/process-upload";
import { ListMediaQuerySchema, MAX_UPLOAD_BYTES, MEDIA_MESSAGES, UploadMediaSchema } from "@/lib/media/rules";
import type { MediaItem } from "@/lib/media/types";
import { can } from "@/lib/permissions";
import { getCurrentUser } from "@/lib/session";

/** The file plus the alt text and multipart framing. */
const MAX_REQUEST_BYTES = MAX_UPLOAD_BYTES + 64 * 1024;

const upload: ActionDefinition<typeof UploadMediaSchema, MediaItem> = {
  permission: "media.upload",
  schema: UploadMediaSchema,
  async handler({ file, alt }, { actor, ip }) {
    const media = await processUpload(file, file.name, alt, actor, ip);
    return { ok: true, message: "Image uploaded.", data: media };
  },
};

const guardedUpload = defineRoute(upload as unknown as ActionDefinition);

/** Refuses a body announced as too large before anything reads it. */
export const POST: GuardedRoute = Object.assign(
  async (request: NextRequest) => {
    const length = Number(request.headers.get("content-length") ?? 0);
    if (length > MAX_REQUEST_BYTES) {
      return NextResponse.json(
        {
          ok: false,
          code: "INVALID",
          message: MEDIA_MESSAGES.tooLarge,
          fieldErrors: { file: [MEDIA_MESSAGES.tooLarge] },
        },
        { status: 413 },
      );
    }
    return guardedUpload(request);
  },
  { definition: guardedUpload.definition },
);

export async function GET(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user) {
    return NextResponse.json(
      { ok: false, code: "UNAUTHENTICATED", message: "Your session has ended. Please sign in again." },
      { status: 401 },
    );
  }
  if (!can(user, "media.upload")) {
    return NextResponse.json(
      { ok: false, code: "FORBIDDEN", message: "Your role does not allow this." },
      { status: 403 },
    );
  }
  const query = ListMediaQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  const page = await listMedia(query);
  return NextResponse.json({ ok: true, data: page }, { headers: { "Cache-Control": "private, no-store" } });
}
