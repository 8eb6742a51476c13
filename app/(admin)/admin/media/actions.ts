"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/platform/actions/define-action";
import { deleteMedia as remove, updateMediaAlt as updateAlt } from "@/lib/media/manage-media";
import { DeleteMediaSchema, UpdateMediaAltSchema } from "@/lib/media/rules";

export const updateMediaAlt = defineAction({
  permission: "media.upload",
  schema: UpdateMediaAltSchema,
  async handler({ mediaId, alt }, context) {
    await updateAlt(mediaId, alt, context);
    revalidatePath("/admin/media");
    return { ok: true, message: "Alt text saved." };
  },
});

export const deleteMedia = defineAction({
  permission: "media.upload",
  schema: DeleteMediaSchema,
  async handler({ mediaId }, context) {
    await remove(mediaId, context);
    revalidatePath("/admin/media");
    return { ok: true, message: "Image deleted." };
  },
});
