"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/platform/actions/define-action";
import { articlesPhrase } from "@/lib/taxonomy/shared";
import {
  createTag as create,
  deleteTag as remove,
  mergeTags as merge,
  renameTag as rename,
} from "@/lib/taxonomy/tags";
import { CreateTagSchema, DeleteTagSchema, MergeTagsSchema, RenameTagSchema } from "@/lib/taxonomy/schema";

// The commands invalidate the public pages naming a tag; an action refreshes the desk's lists
// (which name tags) for the staff member who acted.
function refreshDesk() {
  revalidatePath("/admin/tags");
  revalidatePath("/admin/articles");
}

export const createTag = defineAction({
  permission: "tag.manage",
  schema: CreateTagSchema,
  async handler(input, context) {
    const tag = await create(input, context);
    refreshDesk();
    return { ok: true, message: `Created the tag “${tag.name}” at /tags/${tag.slug}.`, data: tag };
  },
});

export const renameTag = defineAction({
  permission: "tag.manage",
  schema: RenameTagSchema,
  async handler(input, context) {
    const tag = await rename(input, context);
    refreshDesk();
    return { ok: true, message: `Saved “${tag.name}” at /tags/${tag.slug}.`, data: tag };
  },
});

export const mergeTags = defineAction({
  permission: "tag.manage",
  schema: MergeTagsSchema,
  async handler(input, context) {
    const { source, target, articleCount, redirects } = await merge(input, context);
    refreshDesk();
    return {
      ok: true,
      message: `Merged “${source.name}” into “${target.name}”: ${articlesPhrase(articleCount)} moved; /tags/${source.slug} now leads to /tags/${target.slug}.`,
      data: { targetId: target.id, articleCount, redirects },
    };
  },
});

export const deleteTag = defineAction({
  permission: "tag.manage",
  schema: DeleteTagSchema,
  async handler(input, context) {
    const tag = await remove(input, context);
    refreshDesk();
    return { ok: true, message: `Deleted the tag “${tag.name}”.` };
  },
});
