"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/platform/actions/define-action";
import {
  CommentDefaultsInputSchema,
  CommentWordsInputSchema,
  saveCommentDefaults as saveDefaults,
  saveCommentWords as saveWords,
} from "@/lib/comments/settings";
import { SiteIdentityInputSchema } from "@/lib/site/identity-fields";
import { saveSiteIdentity as saveIdentity } from "@/lib/site/identity";

export const saveCommentDefaults = defineAction({
  permission: "settings.manage",
  schema: CommentDefaultsInputSchema,
  async handler(input, context) {
    const saved = await saveDefaults(input, context);
    revalidatePath("/admin/settings");
    return {
      ok: true,
      message: saved.changed ? "Saved the comment defaults." : "Nothing to save: no field changed.",
      data: { savedAt: saved.savedAt },
    };
  },
});

export const saveCommentWords = defineAction({
  permission: "settings.manage",
  schema: CommentWordsInputSchema,
  async handler(input, context) {
    const saved = await saveWords(input, context);
    revalidatePath("/admin/settings");
    const { disallowed, moderation } = saved.value;
    return {
      ok: true,
      message: saved.changed
        ? `Saved ${disallowed.length} disallowed and ${moderation.length} moderation entries.`
        : "Nothing to save: the lists are unchanged.",
      data: { savedAt: saved.savedAt },
    };
  },
});

export const saveSiteIdentity = defineAction({
  permission: "settings.manage",
  schema: SiteIdentityInputSchema,
  async handler(input, context) {
    const saved = await saveIdentity(input, context);
    revalidatePath("/admin/settings");
    return {
      ok: true,
      message: saved.changed
        ? "Saved the site’s identity. Pages and feeds show it from now on."
        : "Nothing to save: no field changed.",
      data: { savedAt: saved.savedAt },
    };
  },
});
