"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/platform/actions/define-action";
import { invalidateTaxonomy } from "@/lib/platform/cache/article-changes";
import { articlesPhrase } from "@/lib/taxonomy/shared";
import {
  createTag as create,
  deleteTag as remove,
  mergeTags as merge,
  renameTag as rename,
} from "@/lib/taxonomy/tags";
import { CreateTagSchema, DeleteTagSchema, MergeTagsSchema, RenameTagSchema } from "@/lib/taxonomy/schema";

/** The desk's lists name tags; public pages showing them are invalidated by id. */
async function refreshTagViews(...tagIds: string[]) {
  revalidatePath("/admin/tags");
  revalidatePath("/admin/articles");
  await invalidateTaxonomy("tag", ...tagIds);
}

export const createTag = defineAction({
  permission: "tag.manage",
  schema: CreateTagSchema,
  async handler(input, context) {
    const tag = await create(input, context);
    await refreshTagViews(tag.id);
    return { ok: true, message: `Created the tag “${tag.name}” at /tags/${tag.slug}.`, data: tag };
  },
});

export const renameTag = defineAction({
  permission: "tag.manage",
  schema: RenameTagSchema,
  async handler(input, context) {
    const tag = await rename(input, context);
    await refreshTagViews(tag.id);
    return { ok: true, message: `Saved “${tag.name}” at /tags/${tag.slug}.`, data: tag };
  },
});

export const mergeTags = defineAction({
  permission: "tag.manage",
  schema: MergeTagsSchema,
  async handler(input, context) {
    const { source, target, articleCount, redirects } = await merge(input, context);
    await refreshTagViews(target.id, source.id);
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
    await refreshTagViews(tag.id);
    return { ok: true, message: `Deleted the tag “${tag.name}”.` };
  },
});
