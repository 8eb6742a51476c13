"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/platform/actions/define-action";
import {
  createSource as create,
  deleteSource as remove,
  updateSource as update,
} from "@/lib/sources/manage-sources";
import {
  CreateSourceNamedSchema,
  CreateSourceSchema,
  DeleteSourceSchema,
  QUICK_SOURCE_KIND,
  UpdateSourceSchema,
} from "@/lib/sources/schema";

// The commands invalidate the public pages showing a source; an action refreshes the desk's source
// pages and the article desk (which names sources) for the staff member who acted.
function refreshDesk(sourceId: string) {
  revalidatePath("/admin/sources");
  revalidatePath(`/admin/sources/${sourceId}`);
  revalidatePath("/admin/articles");
}

export const createSource = defineAction({
  permission: "source.manage",
  schema: CreateSourceSchema,
  async handler(input, context) {
    const source = await create(input, context);
    refreshDesk(source.id);
    return {
      ok: true,
      message: `Added the source “${source.name}” at /sources/${source.slug}.`,
      data: source,
      redirectTo: `/admin/sources/${source.id}`,
    };
  },
});

/**
 * "Create source “…”" in the editor's source picker: the typed name, kind Website, nothing else.
 * The editor stays where it is (no redirect); the source's page refines it later.
 */
export const createSourceNamed = defineAction({
  permission: "source.manage",
  schema: CreateSourceNamedSchema,
  async handler(input, context) {
    const source = await create({ name: input.name, kind: QUICK_SOURCE_KIND }, context);
    refreshDesk(source.id);
    return {
      ok: true,
      message: `Added the source “${source.name}” at /sources/${source.slug}.`,
      data: { id: source.id, name: source.name, slug: source.slug, kind: source.kind },
    };
  },
});

export const updateSource = defineAction({
  permission: "source.manage",
  schema: UpdateSourceSchema,
  async handler(input, context) {
    const { source, changed, previousSlug } = await update(input, context);
    if (!changed) return { ok: true, message: "Nothing to save: no field changed.", data: source };
    refreshDesk(source.id);
    const moved = previousSlug ? ` /sources/${previousSlug} now leads here.` : "";
    return { ok: true, message: `Saved “${source.name}” at /sources/${source.slug}.${moved}`, data: source };
  },
});

export const deleteSource = defineAction({
  permission: "source.manage",
  schema: DeleteSourceSchema,
  async handler(input, context) {
    const source = await remove(input, context);
    refreshDesk(source.id);
    return { ok: true, message: `Deleted the source “${source.name}”.`, redirectTo: "/admin/sources" };
  },
});
