"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/platform/actions/define-action";
import { restoreRevision as restore, RestoreRevisionSchema } from "@/lib/articles/restore-revision";

/**
 * Restores an old revision of an article as its new current version. The permission lets writers
 * in; restoreRevision itself refuses articles the caller may not edit (someone else's, or a
 * writer's article once it is scheduled or published).
 */
export const restoreRevision = defineAction({
  permission: "article.editOwn",
  schema: RestoreRevisionSchema,
  async handler(input, context) {
    const article = await restore(input, context);
    revalidatePath("/admin/articles");
    revalidatePath(`/admin/articles/${article.id}`);
    revalidatePath(`/admin/articles/${article.id}/revisions`);
    return {
      ok: true,
      message: `Restored as version ${article.version}.`,
      data: article,
      redirectTo: `/admin/articles/${article.id}`,
    };
  },
});
