// People on bylines: create (unique slugs, homonyms allowed), rename (old slugs keep
// redirecting), merge (bylines move role by role, no duplicate rows, every old address leads to
// the target), delete (only when on no byline), pick-or-create, the admin list, and each write's
// audit row. Bad action input is refused as INVALID before anything is written.
import { beforeAll, describe, expect, it } from "vitest";
import {
  createPerson as createPersonAction,
  deletePerson as deletePersonAction,
  mergePeople as mergePeopleAction,
  renamePerson as renamePersonAction,
} from "@/app/(admin)/admin/people/actions";
import { ActionFailure, type ActionResult } from "@/lib/platform/actions/result";
import { runAction, type ActionContext, type ActionDefinition } from "@/lib/platform/actions/run-action";
import { db } from "@/lib/platform/db";
import type { BylineRole } from "@/lib/generated/prisma/enums";
import type { CurrentUser } from "@/lib/platform/session";
import {
  createPerson,
  deletePerson,
  findOrCreatePeople,
  listPeople,
  mergePeople,
  renamePerson,
} from "@/lib/taxonomy/people";
import { resolveSlugRedirect } from "@/lib/taxonomy/shared";
import { CreatePersonSchema } from "@/lib/taxonomy/schema";
import { createTestUser } from "../support/users";

const IP = "203.0.113.8";
let admin: CurrentUser;
let context: ActionContext;

beforeAll(async () => {
  admin = await createTestUser("ADMIN");
  context = { actor: admin, ip: IP };
});

let articleCounter = 0;
async function articleBy(...bylines: Array<[personId: string, role: BylineRole]>) {
  articleCounter += 1;
  return db.article.create({
    data: {
      slug: `bylined-article-${articleCounter}`,
      title: `Bylined article ${articleCounter}`,
      body: { type: "doc", content: [] },
      bylines: { create: bylines.map(([personId, role], position) => ({ personId, role, position })) },
    },
    select: { id: true },
  });
}

async function bylinesOf(articleId: string) {
  const rows = await db.articleByline.findMany({ where: { articleId } });
  return rows.map((row) => `${row.personId}:${row.role}`).sort();
}

function auditRows(entityId: string, action?: string) {
  return db.auditLog.findMany({
    where: { entityType: "Person", entityId, action },
    orderBy: { createdAt: "asc" },
  });
}

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
    people: await db.person.findMany({ orderBy: { id: "asc" } }),
    bylines: await db.articleByline.findMany({
      orderBy: [{ articleId: "asc" }, { personId: "asc" }, { role: "asc" }],
    }),
    redirects: await db.slugRedirect.findMany({ orderBy: [{ entityType: "asc" }, { oldSlug: "asc" }] }),
    auditRows: await db.auditLog.count(),
  };
}

describe("create", () => {
  it("makes the slug from the name, keeps the native name, and audits the creation", async () => {
    const person = await createPerson({ name: " Dao  Mei ", nativeName: "刀妹", bio: "Essayist." }, context);
    expect(person).toMatchObject({ name: "Dao Mei", nativeName: "刀妹", slug: "dao-mei", bio: "Essayist." });
    const [row] = await auditRows(person.id, "person.create");
    expect(row).toMatchObject({ actorId: admin.id, ip: IP, after: { name: "Dao Mei", slug: "dao-mei" } });
  });

  it("allows two people of one name, with -2, -3 slugs", async () => {
    const slugs = [];
    for (let i = 0; i < 3; i++) slugs.push((await createPerson({ name: "Li Wei" }, context)).slug);
    expect(slugs).toEqual(["li-wei", "li-wei-2", "li-wei-3"]);
  });

  it("refuses a chosen slug someone else has", async () => {
    await createPerson({ name: "Zhang San" }, context);
    const before = await snapshot();
    const error = await failure(createPerson({ name: "Other", slug: "zhang-san" }, context), "CONFLICT");
    expect(Object.keys(error.fieldErrors ?? {})).toEqual(["slug"]);
    expect(await snapshot()).toEqual(before);
  });
});

describe("rename", () => {
  it("moves the slug with the name and keeps the old slug redirecting", async () => {
    const person = await createPerson({ name: "Wang Xiaobo" }, context);
    const renamed = await renamePerson({ personId: person.id, name: "Wang Xiao-bo" }, context);
    expect(renamed.slug).toBe("wang-xiao-bo");
    expect(await resolveSlugRedirect("Person", "wang-xiaobo")).toEqual({
      entityId: person.id,
      slug: "wang-xiao-bo",
    });
    const [row] = await auditRows(person.id, "person.rename");
    expect(row).toMatchObject({ before: { slug: "wang-xiaobo" }, after: { slug: "wang-xiao-bo" } });
  });

  it("renaming back to an old slug removes that redirect", async () => {
    const person = await createPerson({ name: "Chen Qiufan" }, context);
    await renamePerson({ personId: person.id, name: "Stanley Chan" }, context);
    await renamePerson({ personId: person.id, name: "Chen Qiufan" }, context);
    const redirects = await db.slugRedirect.findMany({
      where: { entityType: "Person", entityId: person.id },
    });
    expect(redirects.map((r) => r.oldSlug)).toEqual(["stanley-chan"]);
    expect((await db.person.findUniqueOrThrow({ where: { id: person.id } })).slug).toBe("chen-qiufan");
  });

  it("clears the native name when given empty, keeps it when absent", async () => {
    const person = await createPerson({ name: "Han Han", nativeName: "韩寒" }, context);
    expect(
      await renamePerson({ personId: person.id, name: "Han Han", bio: "Novelist." }, context),
    ).toMatchObject({
      nativeName: "韩寒",
      bio: "Novelist.",
      slug: "han-han",
    });
    expect(
      await renamePerson({ personId: person.id, name: "Han Han", nativeName: "" }, context),
    ).toMatchObject({
      nativeName: null,
    });
  });
});

describe("merge", () => {
  it("moves every byline to the target in its role, once, and deletes the source", async () => {
    const source = await createPerson({ name: "Daomei" }, context);
    const target = await createPerson({ name: "Dao Mei (essayist)" }, context);
    const other = await createPerson({ name: "Translator Tang" }, context);
    const onlySource = await articleBy([source.id, "AUTHOR"], [other.id, "TRANSLATOR"]);
    const both = await articleBy([target.id, "AUTHOR"], [source.id, "AUTHOR"]);
    const otherRole = await articleBy([target.id, "AUTHOR"], [source.id, "TRANSLATOR"]);
    const sourceBothRoles = await articleBy([source.id, "AUTHOR"], [source.id, "TRANSLATOR"]);

    const result = await mergePeople({ sourceId: source.id, targetId: target.id }, context);
    expect(result.articleCount).toBe(4);

    expect(await bylinesOf(onlySource.id)).toEqual([`${other.id}:TRANSLATOR`, `${target.id}:AUTHOR`].sort());
    expect(await bylinesOf(both.id)).toEqual([`${target.id}:AUTHOR`]);
    expect(await bylinesOf(otherRole.id)).toEqual([`${target.id}:AUTHOR`, `${target.id}:TRANSLATOR`]);
    expect(await bylinesOf(sourceBothRoles.id)).toEqual([`${target.id}:AUTHOR`, `${target.id}:TRANSLATOR`]);
    expect(await db.person.findUnique({ where: { id: source.id } })).toBeNull();
    expect(await db.articleByline.count({ where: { personId: source.id } })).toBe(0);

    const [row] = await auditRows(source.id, "person.merge");
    expect(row).toMatchObject({
      actorId: admin.id,
      before: { id: source.id },
      after: { mergedInto: { id: target.id }, articleCount: 4, moved: 4, duplicates: 1 },
    });
  });

  it("redirects the merged slug and its own old slugs to the target", async () => {
    const source = await createPerson({ name: "Murong Xuecun" }, context);
    await renamePerson({ personId: source.id, name: "Hao Qun" }, context); // murong-xuecun → hao-qun
    const target = await createPerson({ name: "Murong Xuecun" }, context); // old slug is taken: -2
    expect(target.slug).toBe("murong-xuecun-2");
    await articleBy([source.id, "AUTHOR"]);

    const { redirects } = await mergePeople({ sourceId: source.id, targetId: target.id }, context);
    expect(redirects.sort()).toEqual(["hao-qun", "murong-xuecun"]);
    for (const slug of redirects) {
      expect(await resolveSlugRedirect("Person", slug)).toEqual({ entityId: target.id, slug: target.slug });
    }
    // Taking back the old slug makes it live again, without a redirect to itself.
    await renamePerson({ personId: target.id, name: "Murong Xuecun", slug: "murong-xuecun" }, context);
    expect(await resolveSlugRedirect("Person", "murong-xuecun")).toBeNull();
    expect(await resolveSlugRedirect("Person", "murong-xuecun-2")).toEqual({
      entityId: target.id,
      slug: "murong-xuecun",
    });
  });

  it("refuses to merge someone into themselves, changing nothing", async () => {
    const person = await createPerson({ name: "Solo" }, context);
    const before = await snapshot();
    await failure(mergePeople({ sourceId: person.id, targetId: person.id }, context), "INVALID");
    await failure(mergePeople({ sourceId: "missing", targetId: person.id }, context), "NOT_FOUND");
    expect(await snapshot()).toEqual(before);
  });
});

describe("delete", () => {
  it("refuses someone on a byline, changing nothing", async () => {
    const person = await createPerson({ name: "Busy Writer" }, context);
    await articleBy([person.id, "AUTHOR"], [person.id, "TRANSLATOR"]); // one article, two roles
    const before = await snapshot();
    const error = await failure(deletePerson({ personId: person.id }, context), "CONFLICT");
    expect(error.message).toBe("Used by 1 article: merge it instead.");
    expect(await snapshot()).toEqual(before);
  });

  it("deletes someone on no byline, with their old slugs, and audits it", async () => {
    const person = await createPerson({ name: "Nobody Yet" }, context);
    await renamePerson({ personId: person.id, name: "Nobody At All" }, context);
    await deletePerson({ personId: person.id }, context);
    expect(await db.person.findUnique({ where: { id: person.id } })).toBeNull();
    expect(await db.slugRedirect.count({ where: { entityType: "Person", entityId: person.id } })).toBe(0);
    const [row] = await auditRows(person.id, "person.delete");
    expect(row).toMatchObject({ actorId: admin.id, before: { name: "Nobody At All" } });
  });
});

describe("find or create", () => {
  it("matches names and native names without regard to case, creates the rest once, in order", async () => {
    const known = await createPerson({ name: "Yan Lianke", nativeName: "阎连科" }, context);
    const people = await findOrCreatePeople(["yan lianke", "阎连科", "New Voice", "NEW VOICE"], context);
    expect(people.map((p) => p.id).slice(0, 2)).toEqual([known.id, known.id]);
    expect(people[2]).toMatchObject({ name: "New Voice", slug: "new-voice" });
    expect(people[3]!.id).toBe(people[2]!.id);
    expect(await auditRows(people[2]!.id, "person.create")).toHaveLength(1);
    await expect(findOrCreatePeople(["  "], context)).rejects.toBeInstanceOf(ActionFailure);
  });
});

describe("list", () => {
  it("counts distinct articles and searches name, native name and slug", async () => {
    const person = await createPerson({ name: "Liao Yiwu", nativeName: "廖亦武" }, context);
    await articleBy([person.id, "AUTHOR"], [person.id, "TRANSLATOR"]);
    await articleBy([person.id, "TRANSLATOR"]);
    const { people } = await listPeople({ q: "廖亦" });
    expect(people).toEqual([expect.objectContaining({ id: person.id, articleCount: 2 })]);
    expect((await listPeople({ q: "LIAO-YI" })).people.map((p) => p.id)).toEqual([person.id]);
  });
});

describe("action validation", () => {
  async function expectInvalid(definition: ActionDefinition, input: unknown, fields: string[]) {
    const before = await snapshot();
    const result: ActionResult = await runAction(definition, admin, input, IP);
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
    expect(await expectInvalid(createPersonAction.definition, {}, ["name"])).toEqual({
      name: ["Enter a name."],
    });
    await expectInvalid(createPersonAction.definition, { name: "x".repeat(121) }, ["name"]);
    await expectInvalid(createPersonAction.definition, { name: "Ok", nativeName: "字".repeat(121) }, [
      "nativeName",
    ]);
    await expectInvalid(createPersonAction.definition, { name: "Ok", bio: "b".repeat(2001) }, ["bio"]);
    await expectInvalid(createPersonAction.definition, { name: "Ok", slug: "Not OK" }, ["slug"]);
    expect(CreatePersonSchema.parse({ name: "Ok", slug: "" }).slug).toBeUndefined();
  });

  it("refuses bad rename, merge and delete input", async () => {
    await expectInvalid(renamePersonAction.definition, { personId: "", name: "X" }, ["personId"]);
    await expectInvalid(mergePeopleAction.definition, { sourceId: "a" }, ["targetId"]);
    expect(
      await expectInvalid(mergePeopleAction.definition, { sourceId: "a", targetId: "a" }, ["targetId"]),
    ).toEqual({
      targetId: ["Pick a different person to merge into."],
    });
    await expectInvalid(deletePersonAction.definition, {}, ["personId"]);
  });

  it("refuses writers", async () => {
    const writer = await createTestUser("WRITER");
    expect(await runAction(deletePersonAction.definition, writer, { personId: "x" }, IP)).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
  });
});
