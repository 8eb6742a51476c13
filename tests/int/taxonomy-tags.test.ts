// Tags: create (unique slugs, unique kind and name), rename (old slugs keep redirecting), merge
// (articles move, no duplicate rows, every old address leads to the target), delete (only when
// unused), pick-or-create, the admin list, and each write's audit row. Bad action input is
// refused as INVALID before anything is written.
import { beforeAll, describe, expect, it } from "vitest";
import {
  createTag as createTagAction,
  deleteTag as deleteTagAction,
  mergeTags as mergeTagsAction,
  renameTag as renameTagAction,
} from "@/app/(admin)/admin/tags/actions";
import { ActionFailure, type ActionResult } from "@/lib/platform/actions/result";
import { runAction, type ActionContext, type ActionDefinition } from "@/lib/platform/actions/run-action";
import { db } from "@/lib/platform/db";
import type { CurrentUser } from "@/lib/platform/session";
import { resolveSlugRedirect } from "@/lib/taxonomy/shared";
import { SLUG_PATTERN } from "@/lib/platform/slug";
import { createTag, deleteTag, findOrCreateTags, listTags, mergeTags, renameTag } from "@/lib/taxonomy/tags";
import { CreateTagSchema, RenameTagSchema } from "@/lib/taxonomy/schema";
import { createTestUser } from "../support/users";

const IP = "203.0.113.7";
let editor: CurrentUser;
let context: ActionContext;

beforeAll(async () => {
  editor = await createTestUser("EDITOR");
  context = { actor: editor, ip: IP };
});

let articleCounter = 0;
async function articleWithTags(...tagIds: string[]) {
  articleCounter += 1;
  return db.article.create({
    data: {
      slug: `tagged-article-${articleCounter}`,
      title: `Tagged article ${articleCounter}`,
      body: { type: "doc", content: [] },
      tags: { create: tagIds.map((tagId, position) => ({ tagId, position })) },
    },
    select: { id: true },
  });
}

async function tagIdsOf(articleId: string) {
  const rows = await db.articleTag.findMany({ where: { articleId }, orderBy: { tagId: "asc" } });
  return rows.map((row) => row.tagId);
}

function auditRows(entityId: string, action?: string) {
  return db.auditLog.findMany({
    where: { entityType: "Tag", entityId, action },
    orderBy: { createdAt: "asc" },
  });
}

/** Runs `work`, expects an ActionFailure with `code`, and returns it. */
async function failure(work: Promise<unknown>, code: string): Promise<ActionFailure> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ActionFailure);
  expect((error as ActionFailure).code).toBe(code);
  return error as ActionFailure;
}

async function snapshot() {
  return {
    tags: await db.tag.findMany({ orderBy: { id: "asc" } }),
    articleTags: await db.articleTag.findMany({ orderBy: [{ articleId: "asc" }, { tagId: "asc" }] }),
    redirects: await db.slugRedirect.findMany({ orderBy: [{ entityType: "asc" }, { oldSlug: "asc" }] }),
    auditRows: await db.auditLog.count(),
  };
}

describe("create", () => {
  it("makes the slug from the name, in any script, and audits the creation", async () => {
    const tag = await createTag({ name: "  Taiwan   Strait ", description: "The strait." }, context);
    expect(tag).toMatchObject({
      name: "Taiwan Strait",
      slug: "taiwan-strait",
      kind: "TOPIC",
      description: "The strait.",
    });
    const cjk = await createTag({ name: "台海局势", kind: "PLACE" }, context);
    expect(cjk.slug).toBe("台海局势");

    const [row] = await auditRows(tag.id, "tag.create");
    expect(row).toMatchObject({
      actorId: editor.id,
      ip: IP,
      after: { name: "Taiwan Strait", slug: "taiwan-strait" },
    });
  });

  it("accepts the slugs slugify makes, modifier letters included (ー in ラーメン)", async () => {
    const tag = await createTag({ name: "ラーメン" }, context);
    expect(tag.slug).toBe("ラーメン");
    expect(SLUG_PATTERN.test(tag.slug)).toBe(true);
    const edited = await renameTag(
      { tagId: tag.id, name: "ラーメン", slug: "ラーメン", description: "Noodles." },
      context,
    );
    expect(edited).toMatchObject({ slug: "ラーメン", description: "Noodles." });
  });

  it("suffixes -2, -3 when the slug is taken", async () => {
    const topic = await createTag({ name: "Hong Kong", kind: "TOPIC" }, context);
    const place = await createTag({ name: "Hong Kong", kind: "PLACE" }, context);
    const organization = await createTag({ name: "hong-kong", kind: "ORGANIZATION" }, context);
    expect([topic.slug, place.slug, organization.slug]).toEqual(["hong-kong", "hong-kong-2", "hong-kong-3"]);
  });

  it("refuses a duplicate kind and name, whatever the case, changing nothing", async () => {
    await createTag({ name: "Censorship", kind: "TOPIC" }, context);
    const before = await snapshot();
    for (const name of ["Censorship", "censorship", " CENSORSHIP "]) {
      const error = await failure(createTag({ name, kind: "TOPIC" }, context), "CONFLICT");
      expect(error.fieldErrors?.name?.[0]).toMatch(/already a topic tag named “Censorship”/);
    }
    expect(await snapshot()).toEqual(before);
    // The same name in another kind is another tag.
    await expect(createTag({ name: "Censorship", kind: "ORGANIZATION" }, context)).resolves.toMatchObject({
      slug: "censorship-2",
    });
  });

  it("gives two editors creating the same tag at once one tag", async () => {
    const results = await Promise.allSettled([
      createTag({ name: "Simultaneous" }, context),
      createTag({ name: "simultaneous" }, context),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const rejected = results.find((r) => r.status === "rejected")!;
    expect(rejected.reason).toMatchObject({ code: "CONFLICT" });
    expect(await db.tag.count({ where: { name: { equals: "simultaneous", mode: "insensitive" } } })).toBe(1);
  });

  it("refuses a chosen slug another tag has", async () => {
    await createTag({ name: "Xinjiang" }, context);
    const error = await failure(createTag({ name: "Uyghur region", slug: "xinjiang" }, context), "CONFLICT");
    expect(Object.keys(error.fieldErrors ?? {})).toEqual(["slug"]);
  });

  it("maps CONFLICT to the action's answer with the field error", async () => {
    await createTag({ name: "Labor" }, context);
    const result = await runAction(createTagAction.definition, editor, { name: "labor", kind: "TOPIC" }, IP);
    expect(result).toMatchObject({
      ok: false,
      code: "CONFLICT",
      fieldErrors: { name: [expect.any(String)] },
    });
  });
});

describe("rename", () => {
  it("moves the slug with the name and keeps the old slug redirecting", async () => {
    const tag = await createTag({ name: "Tibet" }, context);
    const renamed = await renameTag({ tagId: tag.id, name: "Tibet Autonomous Region" }, context);
    expect(renamed).toMatchObject({
      id: tag.id,
      name: "Tibet Autonomous Region",
      slug: "tibet-autonomous-region",
    });
    expect(await resolveSlugRedirect("Tag", "tibet")).toEqual({
      entityId: tag.id,
      slug: "tibet-autonomous-region",
    });
    expect(await resolveSlugRedirect("Tag", "tibet-autonomous-region")).toBeNull();

    const [row] = await auditRows(tag.id, "tag.rename");
    expect(row).toMatchObject({
      actorId: editor.id,
      before: { name: "Tibet", slug: "tibet" },
      after: { name: "Tibet Autonomous Region", slug: "tibet-autonomous-region" },
    });
  });

  it("takes a chosen slug, and renaming back to an old slug removes that redirect", async () => {
    const tag = await createTag({ name: "Macau" }, context);
    await renameTag({ tagId: tag.id, name: "Macao", slug: "macao-sar" }, context);
    expect(await resolveSlugRedirect("Tag", "macau")).toEqual({ entityId: tag.id, slug: "macao-sar" });

    const back = await renameTag({ tagId: tag.id, name: "Macau", slug: "macau" }, context);
    expect(back.slug).toBe("macau");
    const redirects = await db.slugRedirect.findMany({ where: { entityType: "Tag", entityId: tag.id } });
    expect(redirects.map((r) => r.oldSlug)).toEqual(["macao-sar"]);
    expect(await resolveSlugRedirect("Tag", "macau")).toBeNull();
    expect(await resolveSlugRedirect("Tag", "macao-sar")).toEqual({ entityId: tag.id, slug: "macau" });
  });

  it("keeps the slug when only the description changes, and writes nothing when nothing changes", async () => {
    const tag = await createTag({ name: "Guangzhou", slug: "canton" }, context);
    const edited = await renameTag({ tagId: tag.id, name: "Guangzhou", description: "A city." }, context);
    expect(edited).toMatchObject({ slug: "canton", description: "A city." });
    const rows = (await auditRows(tag.id)).length;
    await renameTag({ tagId: tag.id, name: "Guangzhou" }, context);
    expect((await auditRows(tag.id)).length).toBe(rows);
    expect(await db.slugRedirect.count({ where: { entityType: "Tag", entityId: tag.id } })).toBe(0);
  });

  it("refuses a name another tag of the kind has, and another tag's old slug", async () => {
    const shanghai = await createTag({ name: "Shanghai" }, context);
    const beijing = await createTag({ name: "Beijing" }, context);
    await renameTag({ tagId: beijing.id, name: "Peking" }, context); // "beijing" now redirects to it
    const before = await snapshot();
    const byName = await failure(renameTag({ tagId: shanghai.id, name: "PEKING" }, context), "CONFLICT");
    expect(Object.keys(byName.fieldErrors ?? {})).toEqual(["name"]);
    const bySlug = await failure(
      renameTag({ tagId: shanghai.id, name: "Shanghai", slug: "beijing" }, context),
      "CONFLICT",
    );
    expect(Object.keys(bySlug.fieldErrors ?? {})).toEqual(["slug"]);
    expect(await snapshot()).toEqual(before);
  });

  it("does not hand out another tag's old slug to a new tag", async () => {
    const first = await createTag({ name: "Alpha" }, context);
    await renameTag({ tagId: first.id, name: "Beta" }, context);
    const second = await createTag({ name: "Alpha" }, context);
    expect(second.slug).toBe("alpha-2");
    expect(await resolveSlugRedirect("Tag", "alpha")).toEqual({ entityId: first.id, slug: "beta" });
  });

  it("answers NOT_FOUND for a tag that is gone", async () => {
    await failure(renameTag({ tagId: "no-such-tag", name: "Anything" }, context), "NOT_FOUND");
  });
});

describe("merge", () => {
  it("moves every article to the target, once, and deletes the source", async () => {
    const source = await createTag({ name: "PRC" }, context);
    const target = await createTag({ name: "China" }, context);
    const other = await createTag({ name: "Economy" }, context);
    const onlySource = await articleWithTags(source.id, other.id);
    const both = await articleWithTags(target.id, source.id);
    const onlyTarget = await articleWithTags(target.id);
    const neither = await articleWithTags(other.id);

    const result = await mergeTags({ sourceId: source.id, targetId: target.id }, context);
    expect(result).toMatchObject({ articleCount: 2, target: { id: target.id } });

    expect(await tagIdsOf(onlySource.id)).toEqual([target.id, other.id].sort());
    expect(await tagIdsOf(both.id)).toEqual([target.id]);
    expect(await tagIdsOf(onlyTarget.id)).toEqual([target.id]);
    expect(await tagIdsOf(neither.id)).toEqual([other.id]);
    expect(await db.tag.findUnique({ where: { id: source.id } })).toBeNull();
    expect(await db.articleTag.count({ where: { tagId: target.id } })).toBe(3);

    const [row] = await auditRows(source.id, "tag.merge");
    expect(row).toMatchObject({
      actorId: editor.id,
      ip: IP,
      before: { id: source.id, slug: "prc" },
      after: { mergedInto: { id: target.id }, articleCount: 2, moved: 1, alreadyTagged: 1 },
    });
  });

  it("redirects the merged slug and its own old slugs to the target, through later merges too", async () => {
    const source = await createTag({ name: "Formosa" }, context);
    await renameTag({ tagId: source.id, name: "Taiwan island" }, context); // formosa → taiwan-island
    const target = await createTag({ name: "Taiwan" }, context);
    await articleWithTags(source.id);

    const { redirects } = await mergeTags({ sourceId: source.id, targetId: target.id }, context);
    expect(redirects.sort()).toEqual(["formosa", "taiwan-island"]);
    for (const slug of ["formosa", "taiwan-island"]) {
      expect(await resolveSlugRedirect("Tag", slug), slug).toEqual({
        entityId: target.id,
        slug: target.slug,
      });
    }

    const final = await createTag({ name: "Republic of China" }, context);
    await mergeTags({ sourceId: target.id, targetId: final.id }, context);
    for (const slug of ["formosa", "taiwan-island", target.slug]) {
      expect(await resolveSlugRedirect("Tag", slug), slug).toEqual({ entityId: final.id, slug: final.slug });
    }
    expect(
      await db.slugRedirect.count({ where: { entityType: "Tag", entityId: { in: [source.id, target.id] } } }),
    ).toBe(0);
  });

  it("drops a redirect from the target's own slug when the source had it", async () => {
    const target = await createTag({ name: "Wuhan" }, context);
    await renameTag({ tagId: target.id, name: "Wuhan city" }, context); // wuhan → target
    const source = await createTag({ name: "Wuhan lab" }, context);
    await renameTag({ tagId: target.id, name: "Wuhan", slug: "wuhan" }, context); // back: no redirect
    await mergeTags({ sourceId: source.id, targetId: target.id }, context);
    expect(await resolveSlugRedirect("Tag", "wuhan")).toBeNull();
    expect(await resolveSlugRedirect("Tag", "wuhan-lab")).toEqual({ entityId: target.id, slug: "wuhan" });
  });

  it("refuses to merge a tag into itself or into a missing tag, changing nothing", async () => {
    const tag = await createTag({ name: "Self" }, context);
    await articleWithTags(tag.id);
    const before = await snapshot();
    const self = await failure(mergeTags({ sourceId: tag.id, targetId: tag.id }, context), "INVALID");
    expect(Object.keys(self.fieldErrors ?? {})).toEqual(["targetId"]);
    await failure(mergeTags({ sourceId: tag.id, targetId: "no-such-tag" }, context), "NOT_FOUND");
    expect(await snapshot()).toEqual(before);
  });
});

describe("delete", () => {
  it("refuses a tag in use, changing nothing", async () => {
    const tag = await createTag({ name: "Protests" }, context);
    await articleWithTags(tag.id);
    await articleWithTags(tag.id);
    const before = await snapshot();
    const error = await failure(deleteTag({ tagId: tag.id }, context), "CONFLICT");
    expect(error.message).toBe("Used by 2 articles: merge it instead.");
    expect(await snapshot()).toEqual(before);

    const result = await runAction(deleteTagAction.definition, editor, { tagId: tag.id }, IP);
    expect(result).toMatchObject({
      ok: false,
      code: "CONFLICT",
      message: "Used by 2 articles: merge it instead.",
    });
  });

  it("deletes an unused tag with its old slugs, and audits it", async () => {
    const tag = await createTag({ name: "Typo tagg" }, context);
    await renameTag({ tagId: tag.id, name: "Typo tag" }, context);
    await deleteTag({ tagId: tag.id }, context);
    expect(await db.tag.findUnique({ where: { id: tag.id } })).toBeNull();
    expect(await resolveSlugRedirect("Tag", "typo-tagg")).toBeNull();
    expect(await db.slugRedirect.count({ where: { entityType: "Tag", entityId: tag.id } })).toBe(0);
    const [row] = await auditRows(tag.id, "tag.delete");
    expect(row).toMatchObject({ actorId: editor.id, before: { name: "Typo tag", slug: "typo-tag" } });
  });
});

describe("find or create", () => {
  it("picks existing tags without regard to case, creates the rest once, in order", async () => {
    const existing = await createTag({ name: "Environment", kind: "TOPIC" }, context);
    const auditBefore = await db.auditLog.count({ where: { action: "tag.create" } });
    const tags = await findOrCreateTags(
      [
        { name: "environment" },
        { name: "Chengdu", kind: "PLACE" },
        { name: "chengdu", kind: "PLACE" },
        { name: "Chengdu", kind: "TOPIC" },
      ],
      context,
    );
    expect(tags[0]!.id).toBe(existing.id);
    expect(tags[1]).toMatchObject({ name: "Chengdu", kind: "PLACE", slug: "chengdu" });
    expect(tags[2]!.id).toBe(tags[1]!.id);
    expect(tags[3]).toMatchObject({ name: "Chengdu", kind: "TOPIC", slug: "chengdu-2" });
    expect(await db.auditLog.count({ where: { action: "tag.create" } })).toBe(auditBefore + 2);
  });

  it("runs inside the caller's transaction, rolling back with it", async () => {
    await expect(
      db.$transaction(async (tx) => {
        const [tag] = await findOrCreateTags([{ name: "Rolled back" }], context, tx);
        expect(tag!.slug).toBe("rolled-back");
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await db.tag.count({ where: { name: "Rolled back" } })).toBe(0);
  });
});

describe("list", () => {
  it("counts articles and filters by kind and text", async () => {
    const place = await createTag({ name: "Shenzhen", kind: "PLACE", description: "Tech hub" }, context);
    await articleWithTags(place.id);
    await articleWithTags(place.id);
    const { tags } = await listTags({ kind: "PLACE", q: "shenz" });
    expect(tags).toEqual([expect.objectContaining({ id: place.id, articleCount: 2, oldSlugs: [] })]);
    expect((await listTags({ kind: "TOPIC", q: "shenz" })).tags).toEqual([]);
    expect((await listTags({ q: "TECH HUB" })).tags.map((t) => t.id)).toEqual([place.id]);
  });
});

describe("action validation", () => {
  async function expectInvalid(definition: ActionDefinition, input: unknown, fields: string[]) {
    const before = await snapshot();
    const result: ActionResult = await runAction(definition, editor, input, IP);
    expect(result).toMatchObject({ ok: false, code: "INVALID" });
    const fieldErrors = (result.ok ? {} : result.fieldErrors) ?? {};
    expect(Object.keys(fieldErrors).sort()).toEqual([...fields].sort());
    for (const field of fields) {
      for (const message of fieldErrors[field]!) expect(message).toMatch(/^[A-Z][^\n]{5,200}$/);
    }
    expect(await snapshot()).toEqual(before);
    return fieldErrors;
  }

  it("refuses bad create input", async () => {
    expect(await expectInvalid(createTagAction.definition, { name: "   " }, ["name"])).toEqual({
      name: ["Enter a name."],
    });
    expect(await expectInvalid(createTagAction.definition, { name: "n".repeat(121) }, ["name"])).toEqual({
      name: ["Keep the name under 120 characters."],
    });
    await expectInvalid(createTagAction.definition, { name: "Fine", kind: "COLOR" }, ["kind"]);
    await expectInvalid(createTagAction.definition, { name: "Fine", description: "d".repeat(2001) }, [
      "description",
    ]);
    for (const slug of ["Upper-Case", "two--hyphens", "-leading", "trailing-", "with space", "semi;colon"]) {
      expect(await expectInvalid(createTagAction.definition, { name: "Fine", slug }, ["slug"]), slug).toEqual(
        {
          slug: ["Use lower-case letters, digits and single hyphens."],
        },
      );
    }
    await expectInvalid(createTagAction.definition, { name: ["a", "b"], kind: { TOPIC: 1 } }, [
      "name",
      "kind",
    ]);
    await expectInvalid(createTagAction.definition, "not an object", []);
  });

  it("accepts an empty slug as none, and a slug in any script", () => {
    // (The handlers call revalidatePath, which needs Next: the schemas are checked directly.)
    expect(CreateTagSchema.parse({ name: "Empty slug", slug: "  " })).toEqual({
      name: "Empty slug",
      kind: "TOPIC",
      description: "",
      slug: undefined,
    });
    expect(CreateTagSchema.parse({ name: "Lianghui", slug: "两会-2024" }).slug).toBe("两会-2024");
    expect(RenameTagSchema.parse({ tagId: "t", name: "Kept" })).toEqual({ tagId: "t", name: "Kept" });
  });

  it("refuses bad rename, merge and delete input", async () => {
    await expectInvalid(renameTagAction.definition, { name: "No id" }, ["tagId"]);
    await expectInvalid(renameTagAction.definition, { tagId: "x", name: "" }, ["name"]);
    await expectInvalid(mergeTagsAction.definition, {}, ["sourceId", "targetId"]);
    expect(
      await expectInvalid(mergeTagsAction.definition, { sourceId: "a", targetId: "a" }, ["targetId"]),
    ).toEqual({
      targetId: ["Pick a different tag to merge into."],
    });
    await expectInvalid(deleteTagAction.definition, { tagId: "  " }, ["tagId"]);
    await expectInvalid(deleteTagAction.definition, { tagId: ["a"] }, ["tagId"]);
  });

  it("refuses writers", async () => {
    const writer = await createTestUser("WRITER");
    expect(await runAction(createTagAction.definition, writer, { name: "Nope" }, IP)).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
  });
});
