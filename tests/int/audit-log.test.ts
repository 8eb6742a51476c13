// The audit log names what each entry is about, as staff know it: an article by its title, a
// tag or person by name, a user by name and email; an object since deleted keeps its id.
import { beforeAll, describe, expect, it } from "vitest";
import { listAuditEntries } from "@/lib/platform/audit/list";
import { AuditFiltersSchema } from "@/lib/platform/audit/filters";
import type { CurrentUser } from "@/lib/platform/session";
import { createTag, deleteTag } from "@/lib/taxonomy/tags";
import { createTestArticle, context } from "../support/articles";
import { createTestUser } from "../support/users";

let editor: CurrentUser;

beforeAll(async () => {
  editor = await createTestUser("EDITOR");
});

async function entriesFor(entityType: string) {
  const { entries } = await listAuditEntries(AuditFiltersSchema.parse({ entityType }));
  return entries;
}

describe("the audit log", () => {
  it("names an article by its title and links to its editor", async () => {
    const article = await createTestArticle(editor, { title: "Tokyo's quiet posting" });
    const [entry] = (await entriesFor("Article")).filter((e) => e.entityId === article.id);
    expect(entry?.object).toEqual({ label: "Tokyo's quiet posting", href: `/admin/articles/${article.id}` });
    expect(entry?.actor?.name).toBe(editor.name);
  });

  it("names a tag by its name, and shows the id of one since deleted", async () => {
    const kept = await createTag({ name: "Strait diplomacy", kind: "TOPIC" }, context(editor));
    const gone = await createTag({ name: "Passing topic", kind: "TOPIC" }, context(editor));
    await deleteTag({ tagId: gone.id }, context(editor));
    const entries = await entriesFor("Tag");
    expect(entries.find((e) => e.entityId === kept.id)?.object?.label).toBe("Strait diplomacy");
    const deleted = entries.filter((e) => e.entityId === gone.id);
    expect(deleted.length).toBeGreaterThan(0);
    expect(deleted.every((e) => e.object === null)).toBe(true);
  });
});
