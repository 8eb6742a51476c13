// Sources: create (unique slugs, blanks stored as null), update (a replaced slug keeps leading to
// the source through SlugRedirect), delete (refused while articles or reprint authorizations refer
// to the source, changing nothing), each write's audit row, the admin reads, the actions'
// validation (INVALID with field errors, nothing written) and their guard (source.manage: ADMIN);
// the editor picker's "Create source “…”" (createSourceNamed: the name alone, kind Website).
import { revalidatePath } from "next/cache";
import { beforeAll, describe, expect, it, vi } from "vitest";
import {
  createSource as createSourceAction,
  createSourceNamed as createSourceNamedAction,
  deleteSource as deleteSourceAction,
  updateSource as updateSourceAction,
} from "@/app/(admin)/admin/sources/actions";
import { ActionFailure, type ActionResult } from "@/lib/platform/actions/result";
import { runAction, type ActionContext, type ActionDefinition } from "@/lib/platform/actions/run-action";
import { listSources, sourceForAdmin } from "@/lib/sources/list";
import { db } from "@/lib/platform/db";
import type { CurrentUser } from "@/lib/platform/session";
import { createSource, deleteSource, updateSource } from "@/lib/sources/manage-sources";
import { resolveSourceSlugRedirect } from "@/lib/sources/slugs";
import { SourceListFiltersSchema } from "@/lib/sources/schema";
import { createTestArticle } from "../support/articles";
import { createTestUser } from "../support/users";

// The actions refresh the desk's cached pages; outside a request there are none to refresh.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const IP = "203.0.113.21";
let admin: CurrentUser;
let editor: CurrentUser;
let writer: CurrentUser;
let context: ActionContext;

beforeAll(async () => {
  admin = await createTestUser("ADMIN");
  editor = await createTestUser("EDITOR");
  writer = await createTestUser("WRITER");
  context = { actor: admin, ip: IP };
});

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
    sources: await db.source.findMany({ orderBy: { id: "asc" } }),
    redirects: await db.slugRedirect.findMany({ orderBy: [{ entityType: "asc" }, { oldSlug: "asc" }] }),
    articles: await db.article.findMany({ orderBy: { id: "asc" }, select: { id: true, sourceId: true } }),
    authorizations: await db.reprintAuthorization.findMany({ orderBy: { id: "asc" } }),
    auditRows: await db.auditLog.count(),
  };
}

function auditRows(entityId: string, action?: string) {
  return db.auditLog.findMany({
    where: { entityType: "Source", entityId, action },
    orderBy: { createdAt: "asc" },
  });
}

function redirectsOf(sourceId: string) {
  return db.slugRedirect.findMany({
    where: { entityType: "Source", entityId: sourceId },
    orderBy: { oldSlug: "asc" },
    select: { oldSlug: true },
  });
}

function authorize(
  sourceId: string,
  data: { status?: "REQUESTED" | "GRANTED" | "DENIED" | "REVOKED"; validUntil?: Date | null } = {},
) {
  return db.reprintAuthorization.create({
    data: { sourceId, validFrom: new Date("2025-01-01T00:00:00Z"), ...data },
    select: { id: true },
  });
}

describe("create", () => {
  it("makes the slug from the name, stores blanks as null, and audits the creation", async () => {
    const source = await createSource(
      {
        name: "  Bu   Yidao ",
        kind: "WECHAT_ACCOUNT",
        platformId: " buyidao2015 ",
        url: "https://mp.weixin.qq.com/s/abc",
        description: " A WeChat commentary account. ",
        contactName: "",
        contactEmail: " editor@buyidao.example ",
        contactWechat: "   ",
        notes: "",
      },
      context,
    );
    expect(source).toMatchObject({
      name: "Bu Yidao",
      slug: "bu-yidao",
      kind: "WECHAT_ACCOUNT",
      platformId: "buyidao2015",
      url: "https://mp.weixin.qq.com/s/abc",
      description: "A WeChat commentary account.",
      contactName: null,
      contactEmail: "editor@buyidao.example",
      contactWechat: null,
      notes: "",
    });
    const [row, ...more] = await auditRows(source.id, "source.create");
    expect(more).toEqual([]);
    expect(row).toMatchObject({
      actorId: admin.id,
      ip: IP,
      before: null,
      after: { id: source.id, name: "Bu Yidao", slug: "bu-yidao", contactEmail: "editor@buyidao.example" },
    });
  });

  it("accepts only a name and a kind, and makes slugs in any script", async () => {
    const source = await createSource({ name: "南方周末", kind: "NEWSPAPER" }, context);
    expect(source).toMatchObject({
      slug: "南方周末",
      platformId: null,
      url: null,
      description: "",
      contactName: null,
      contactEmail: null,
      contactWechat: null,
      notes: "",
    });
  });

  it("suffixes -2, -3 when the slug is taken, even by two admins at once", async () => {
    const first = await createSource({ name: "Caixin", kind: "NEWSPAPER" }, context);
    const [second, third] = await Promise.all([
      createSource({ name: "Caixin", kind: "WEBSITE" }, context),
      createSource({ name: "caixin", kind: "AGENCY" }, context),
    ]);
    expect(first.slug).toBe("caixin");
    expect([second.slug, third.slug].sort()).toEqual(["caixin-2", "caixin-3"]);
  });

  it("refuses a chosen slug another source has, changing nothing", async () => {
    await createSource({ name: "Initium Media", kind: "WEBSITE" }, context);
    const before = await snapshot();
    const error = await failure(
      createSource({ name: "Initium", kind: "WEBSITE", slug: "initium-media" }, context),
      "CONFLICT",
    );
    expect(error.fieldErrors?.slug?.[0]).toMatch(/already has the address \/sources\/initium-media/);
    expect(await snapshot()).toEqual(before);
  });

  it("validates in the domain too, so no caller stores a javascript: address", async () => {
    const before = await snapshot();
    const error = await failure(
      createSource({ name: "Sneaky", kind: "WEBSITE", url: "javascript:alert(1)" }, context),
      "INVALID",
    );
    expect(Object.keys(error.fieldErrors ?? {})).toEqual(["url"]);
    expect(await snapshot()).toEqual(before);
  });
});

describe("update", () => {
  it("keeps the old slug as a redirect on rename, and audits before and after", async () => {
    const source = await createSource({ name: "Matters News", kind: "WEBSITE" }, context);
    const {
      source: renamed,
      changed,
      previousSlug,
    } = await updateSource({ sourceId: source.id, name: "Matters" }, context);
    expect(changed).toBe(true);
    expect(previousSlug).toBe("matters-news");
    expect(renamed).toMatchObject({ name: "Matters", slug: "matters", kind: "WEBSITE" });
    expect(
      await db.slugRedirect.findUnique({
        where: { entityType_oldSlug: { entityType: "Source", oldSlug: "matters-news" } },
      }),
    ).toMatchObject({ entityType: "Source", oldSlug: "matters-news", entityId: source.id });
    expect(await resolveSourceSlugRedirect("matters-news")).toEqual({ sourceId: source.id, slug: "matters" });
    expect(await resolveSourceSlugRedirect("matters")).toBeNull();

    const [row] = await auditRows(source.id, "source.update");
    expect(row).toMatchObject({
      actorId: admin.id,
      ip: IP,
      before: { name: "Matters News", slug: "matters-news" },
      after: { name: "Matters", slug: "matters" },
    });

    // A new source of the old name does not take the old address: it still leads to the first.
    const other = await createSource({ name: "Matters News", kind: "AGENCY" }, context);
    expect(other.slug).toBe("matters-news-2");
    const error = await failure(
      updateSource({ sourceId: other.id, slug: "matters-news" }, context),
      "CONFLICT",
    );
    expect(error.fieldErrors?.slug?.[0]).toMatch(/used to belong to another source/);

    // Renaming again keeps every old address; taking one back ends only that redirect.
    await updateSource({ sourceId: source.id, name: "Matters Lab" }, context);
    expect(await redirectsOf(source.id)).toEqual([{ oldSlug: "matters" }, { oldSlug: "matters-news" }]);
    const back = await updateSource({ sourceId: source.id, name: "Matters News" }, context);
    expect(back.source.slug).toBe("matters-news");
    expect(await redirectsOf(source.id)).toEqual([{ oldSlug: "matters" }, { oldSlug: "matters-lab" }]);
  });

  it("keeps the slug when the name stays, and takes a chosen one", async () => {
    const source = await createSource({ name: "The Paper", kind: "NEWSPAPER" }, context);
    const kept = await updateSource({ sourceId: source.id, kind: "WEBSITE", slug: "the-paper" }, context);
    expect(kept).toMatchObject({ changed: true, previousSlug: null, source: { slug: "the-paper" } });
    expect(await redirectsOf(source.id)).toEqual([]);
    const chosen = await updateSource({ sourceId: source.id, slug: "pengpai" }, context);
    expect(chosen).toMatchObject({
      previousSlug: "the-paper",
      source: { name: "The Paper", slug: "pengpai" },
    });
    expect(await redirectsOf(source.id)).toEqual([{ oldSlug: "the-paper" }]);
  });

  it("clears optional fields given empty, leaves absent ones alone, and skips a no-op", async () => {
    const source = await createSource(
      {
        name: "Duan Media",
        kind: "WEBSITE",
        platformId: "duan",
        url: "https://duan.example",
        contactName: "Ms Duan",
        contactEmail: "duan@duan.example",
        contactWechat: "duan_wx",
        notes: "Prefers email.",
      },
      context,
    );
    const { source: after } = await updateSource(
      { sourceId: source.id, url: "", contactEmail: "  ", notes: "" },
      context,
    );
    expect(after).toEqual({
      ...source,
      url: null,
      contactEmail: null,
      notes: "",
    });
    const audits = (await auditRows(source.id)).length;
    const same = await updateSource(
      { sourceId: source.id, name: " Duan  Media ", platformId: "duan" },
      context,
    );
    expect(same).toEqual({ source: after, changed: false, previousSlug: null });
    expect((await auditRows(source.id)).length).toBe(audits);
  });

  it("answers NOT_FOUND for a source that is gone", async () => {
    const error = await failure(
      updateSource({ sourceId: "no-such-source", name: "X" }, context),
      "NOT_FOUND",
    );
    expect(error.fieldErrors?.sourceId).toBeDefined();
  });
});

describe("delete", () => {
  it("deletes an unused source, forgets its old addresses, and audits it", async () => {
    const source = await createSource({ name: "Short Lived", kind: "INDIVIDUAL" }, context);
    await updateSource({ sourceId: source.id, name: "Shorter Lived" }, context);
    expect(await redirectsOf(source.id)).toHaveLength(1);
    const deleted = await deleteSource({ sourceId: source.id }, context);
    expect(deleted).toMatchObject({ id: source.id, name: "Shorter Lived" });
    expect(await db.source.findUnique({ where: { id: source.id } })).toBeNull();
    expect(await redirectsOf(source.id)).toEqual([]);
    expect(await resolveSourceSlugRedirect("short-lived")).toBeNull();
    const [row] = await auditRows(source.id, "source.delete");
    expect(row).toMatchObject({
      actorId: admin.id,
      ip: IP,
      before: { id: source.id, name: "Shorter Lived", slug: "shorter-lived" },
      after: null,
    });
    await failure(deleteSource({ sourceId: source.id }, context), "NOT_FOUND");
  });

  it("refuses while articles refer to the source, saying how many, changing nothing", async () => {
    const source = await createSource({ name: "Used By Articles", kind: "WEBSITE" }, context);
    await updateSource({ sourceId: source.id, name: "Used By Two Articles" }, context);
    await createTestArticle(admin, { title: "One", kind: "REPRINT", sourceId: source.id });
    await createTestArticle(admin, { title: "Two", kind: "REPRINT", sourceId: source.id });
    const before = await snapshot();
    const error = await failure(deleteSource({ sourceId: source.id }, context), "CONFLICT");
    expect(error.message).toBe(
      "Can’t delete “Used By Two Articles”: 2 articles still refer to it. Give those articles another source first.",
    );
    expect(error.data).toEqual({ articleCount: 2, authorizationCount: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses while reprint authorizations refer to the source, saying how many, changing nothing", async () => {
    const source = await createSource({ name: "Authorized Only", kind: "AGENCY" }, context);
    await authorize(source.id, { status: "DENIED" });
    const before = await snapshot();
    const error = await failure(deleteSource({ sourceId: source.id }, context), "CONFLICT");
    expect(error.message).toMatch(
      /^Can’t delete “Authorized Only”: 1 reprint authorization still refers to it\./,
    );
    expect(await snapshot()).toEqual(before);

    const both = await createSource({ name: "Both", kind: "AGENCY" }, context);
    await authorize(both.id);
    await authorize(both.id, { status: "GRANTED" });
    await createTestArticle(admin, { kind: "REPRINT", sourceId: both.id });
    const result = await runAction(deleteSourceAction.definition, admin, { sourceId: both.id }, IP);
    expect(result).toMatchObject({
      ok: false,
      code: "CONFLICT",
      message: expect.stringMatching(
        /^Can’t delete “Both”: 1 article and 2 reprint authorizations still refer to it\./,
      ),
      data: { articleCount: 1, authorizationCount: 2 },
    });
    expect(await db.source.count({ where: { id: both.id } })).toBe(1);
  });
});

describe("reads", () => {
  it("lists with kind and text filters, and counts authorizations and articles", async () => {
    const source = await createSource(
      { name: "Counted Source", kind: "INDIVIDUAL", platformId: "counted-42" },
      context,
    );
    await authorize(source.id, { status: "GRANTED" });
    await authorize(source.id, { status: "GRANTED", validUntil: null });
    await authorize(source.id, { status: "GRANTED", validUntil: new Date(Date.now() - 24 * 3600 * 1000) });
    await authorize(source.id, { status: "REQUESTED" });
    await authorize(source.id, { status: "REVOKED" });
    await createTestArticle(admin, { kind: "REPRINT", sourceId: source.id });

    const byText = await listSources(SourceListFiltersSchema.parse({ q: "COUNTED-42" }));
    expect(byText.total).toBe(1);
    expect(byText.sources[0]).toMatchObject({
      id: source.id,
      articleCount: 1,
      authorizations: { granted: 2, requested: 1, expired: 1, total: 5 },
    });
    const byKind = await listSources(SourceListFiltersSchema.parse({ kind: "INDIVIDUAL", q: "counted" }));
    expect(byKind.sources.map((s) => s.id)).toEqual([source.id]);
    const otherKind = await listSources(SourceListFiltersSchema.parse({ kind: "NEWSPAPER", q: "counted" }));
    expect(otherKind.total).toBe(0);
    // Malformed filters are dropped, not fatal.
    expect(SourceListFiltersSchema.parse({ kind: "BLOG", page: "-3", q: ["a", "b"] })).toEqual({
      kind: undefined,
      page: 1,
      q: undefined,
    });

    const detail = await sourceForAdmin(source.id);
    expect(detail).toMatchObject({ articleCount: 1, authorizationCount: 5, oldSlugs: [] });
    expect(detail!.authorizations.map((a) => a.state).sort()).toEqual([
      "EXPIRED",
      "GRANTED",
      "GRANTED",
      "REQUESTED",
      "REVOKED",
    ]);
    expect(detail!.articles).toHaveLength(1);
    expect(await sourceForAdmin("no-such-source")).toBeNull();
  });
});

describe("actions", () => {
  async function expectInvalid(
    definition: ActionDefinition,
    input: Record<string, unknown>,
    fields: string[],
  ): Promise<Record<string, string[]>> {
    const before = await snapshot();
    const result: ActionResult = await runAction(definition, admin, input, IP);
    expect(result).toMatchObject({ ok: false, code: "INVALID" });
    const fieldErrors = (result.ok ? {} : result.fieldErrors) ?? {};
    expect(Object.keys(fieldErrors).sort()).toEqual([...fields].sort());
    for (const field of fields) {
      expect(fieldErrors[field]).toHaveLength(1);
      for (const message of fieldErrors[field]!) expect(message).toMatch(/^[A-Z][^\n]{5,200}$/);
    }
    expect(await snapshot()).toEqual(before);
    return fieldErrors;
  }

  const bad = {
    url: "javascript:alert(document.cookie)",
    contactEmail: "not an email",
    notes: "n".repeat(5001),
    kind: "BLOG",
  };

  it("refuses bad input to createSource with a message per field", async () => {
    const errors = await expectInvalid(createSourceAction.definition, { name: "Bad Input", ...bad }, [
      "url",
      "contactEmail",
      "notes",
      "kind",
    ]);
    expect(errors).toEqual({
      url: ["Only web addresses starting with https:// or http:// are allowed."],
      contactEmail: ["Enter a valid contact email address, like name@example.com."],
      notes: ["Keep the notes to 5,000 characters or fewer."],
      kind: ["Choose a kind: WeChat official account, newspaper, website, agency or individual."],
    });
  });

  it("refuses bad input to updateSource the same way", async () => {
    const source = await createSource({ name: "Update Target", kind: "WEBSITE" }, context);
    await expectInvalid(updateSourceAction.definition, { sourceId: source.id, name: "", ...bad }, [
      "name",
      "url",
      "contactEmail",
      "notes",
      "kind",
    ]);
  });

  it("checks every field's limit and the web address's form", async () => {
    const create = createSourceAction.definition;
    await expectInvalid(create, {}, ["name", "kind"]);
    await expectInvalid(
      create,
      {
        name: "x".repeat(201),
        kind: "WEBSITE",
        platformId: "p".repeat(101),
        url: `https://example.com/${"u".repeat(2000)}`,
        contactEmail: `${"e".repeat(250)}@example.com`,
        contactName: "c".repeat(201),
        contactWechat: "w".repeat(201),
        description: "d".repeat(5001),
        slug: "Not A Slug",
      },
      ["name", "platformId", "url", "contactEmail", "contactName", "contactWechat", "description", "slug"],
    );
    for (const url of [
      "ftp://example.com/file",
      "data:text/html,hi",
      "example.com",
      "https://user:pw@example.com",
    ]) {
      await expectInvalid(create, { name: "Odd Address", kind: "WEBSITE", url }, ["url"]);
    }
    await expectInvalid(deleteSourceAction.definition, {}, ["sourceId"]);
  });

  it("creates a source from the editor picker's name alone: kind Website, audited, no redirect", async () => {
    const result = await runAction(
      createSourceNamedAction.definition,
      admin,
      { name: "  Harbour   Lights " },
      IP,
    );
    expect(result).toMatchObject({
      ok: true,
      message: "Added the source “Harbour Lights” at /sources/harbour-lights.",
    });
    expect(result.ok && result.redirectTo).toBeFalsy();
    const data = (result.ok ? result.data : null) as { id: string; name: string; slug: string; kind: string };
    expect(data).toEqual({
      id: expect.any(String),
      name: "Harbour Lights",
      slug: "harbour-lights",
      kind: "WEBSITE",
    });
    expect(revalidatePath).toHaveBeenCalledWith(`/admin/sources/${data.id}`);
    const stored = await db.source.findUniqueOrThrow({ where: { id: data.id } });
    expect(stored).toMatchObject({
      name: "Harbour Lights",
      kind: "WEBSITE",
      url: null,
      description: "",
      notes: "",
    });
    const audit = await auditRows(data.id, "source.create");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: admin.id, ip: IP });

    // The same name again is a second source with its own address, as on the source form.
    const again = await runAction(createSourceNamedAction.definition, admin, { name: "Harbour Lights" }, IP);
    expect(again.ok && (again.data as { slug: string }).slug).toBe("harbour-lights-2");

    // Only the name is read: a kind, or any other field, cannot be smuggled in.
    const smuggled = await runAction(
      createSourceNamedAction.definition,
      admin,
      { name: "Quiet Wire", kind: "AGENCY", url: "javascript:alert(1)" },
      IP,
    );
    expect(smuggled.ok && (smuggled.data as { kind: string }).kind).toBe("WEBSITE");
    expect((await db.source.findFirstOrThrow({ where: { name: "Quiet Wire" } })).url).toBeNull();

    const errors = await expectInvalid(createSourceNamedAction.definition, { name: "   " }, ["name"]);
    expect(errors).toEqual({ name: ["Enter the source’s name."] });
    await expectInvalid(createSourceNamedAction.definition, { name: "x".repeat(201) }, ["name"]);
    await expectInvalid(createSourceNamedAction.definition, {}, ["name"]);
  });

  it("refuses EDITORs and WRITERs for all four actions, changing nothing", async () => {
    const source = await createSource({ name: "Guarded", kind: "WEBSITE" }, context);
    const before = await snapshot();
    const attempts: Array<[ActionDefinition, unknown]> = [
      [createSourceAction.definition, { name: "By an editor", kind: "WEBSITE" }],
      [createSourceNamedAction.definition, { name: "Named by an editor" }],
      [updateSourceAction.definition, { sourceId: source.id, name: "Renamed by an editor" }],
      [deleteSourceAction.definition, { sourceId: source.id }],
    ];
    for (const actor of [editor, writer]) {
      for (const [definition, input] of attempts) {
        expect(await runAction(definition, actor, input, IP)).toMatchObject({ ok: false, code: "FORBIDDEN" });
      }
    }
    for (const [definition, input] of attempts) {
      expect(await runAction(definition, null, input, IP)).toMatchObject({
        ok: false,
        code: "UNAUTHENTICATED",
      });
    }
    // What the authorization matrix probes with: admitted, then refused as INVALID.
    for (const [definition] of attempts) {
      expect(await runAction(definition, admin, "authorization-matrix-probe", IP)).toMatchObject({
        ok: false,
        code: "INVALID",
      });
    }
    expect(await snapshot()).toEqual(before);
  });
});
