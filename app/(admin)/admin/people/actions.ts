"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/platform/actions/define-action";
import {
  createPerson as create,
  deletePerson as remove,
  mergePeople as merge,
  renamePerson as rename,
} from "@/lib/taxonomy/people";
import { articlesPhrase } from "@/lib/taxonomy/shared";
import {
  CreatePersonSchema,
  DeletePersonSchema,
  MergePeopleSchema,
  RenamePersonSchema,
} from "@/lib/taxonomy/schema";

// The commands invalidate the public author pages; an action refreshes the desk's lists (which
// name people) for the staff member who acted.
function refreshDesk() {
  revalidatePath("/admin/people");
  revalidatePath("/admin/articles");
}

export const createPerson = defineAction({
  permission: "person.manage",
  schema: CreatePersonSchema,
  async handler(input, context) {
    const person = await create(input, context);
    refreshDesk();
    return { ok: true, message: `Added “${person.name}” at /authors/${person.slug}.`, data: person };
  },
});

export const renamePerson = defineAction({
  permission: "person.manage",
  schema: RenamePersonSchema,
  async handler(input, context) {
    const person = await rename(input, context);
    refreshDesk();
    return { ok: true, message: `Saved “${person.name}” at /authors/${person.slug}.`, data: person };
  },
});

export const mergePeople = defineAction({
  permission: "person.manage",
  schema: MergePeopleSchema,
  async handler(input, context) {
    const { source, target, articleCount, redirects } = await merge(input, context);
    refreshDesk();
    return {
      ok: true,
      message: `Merged “${source.name}” into “${target.name}”: ${articlesPhrase(articleCount)} moved; /authors/${source.slug} now leads to /authors/${target.slug}.`,
      data: { targetId: target.id, articleCount, redirects },
    };
  },
});

export const deletePerson = defineAction({
  permission: "person.manage",
  schema: DeletePersonSchema,
  async handler(input, context) {
    const person = await remove(input, context);
    refreshDesk();
    return { ok: true, message: `Deleted “${person.name}”.` };
  },
});
