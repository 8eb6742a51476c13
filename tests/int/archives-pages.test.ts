// Public archives (/tags, /sources, /authors): only what readers may see, newest first, 20 a
// page; page numbers that make no sense never fail; old slugs answer 308 to the current one;
// unknown slugs, people and sources with nothing public answer 404.
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import AuthorPage, { generateMetadata as authorMetadata } from "@/app/(site)/authors/[slug]/page";
import SourcePage, { generateMetadata as sourceMetadata } from "@/app/(site)/sources/[slug]/page";
import TagPage, { generateMetadata as tagMetadata } from "@/app/(site)/tags/[slug]/page";
import { publishArticle, scheduleArticle, unpublishArticle } from "@/lib/articles/workflow";
import { advanceClock, now, setClock } from "@/lib/platform/clock";
import {
  ARCHIVE_PAGE_SIZE,
  archivePageNumber,
  listPersonArticles,
  listSourceArticles,
  listTagArticles,
  lookupPerson,
  lookupSource,
  lookupTag,
  slugFromParam,
} from "@/lib/articles/archives";
import { addressOf, mayHavePage, type AddressKind } from "@/lib/articles/public-addresses";
import { db } from "@/lib/platform/db";
import type { CurrentUser } from "@/lib/platform/session";
import { createPerson } from "@/lib/taxonomy/people";
import { createTag, renameTag } from "@/lib/taxonomy/tags";
import { context, createTestArticle } from "../support/articles";
import { createTestUser } from "../support/users";

// Pages call connection() to opt out of prerendering; outside a request it would throw.
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  connection: async () => {},
}));

const HOUR = 3_600_000;
const T0 = new Date("2026-05-01T08:00:00Z");

let editor: CurrentUser;
const ids = {} as {
  taiwan: string;
  empty: string;
  alice: string;
  bob: string;
  ghost: string;
  source: string;
  lapsedSource: string;
};
/** Public articles tagged taiwan, newest first. */
const taiwanPublic: string[] = [];
let hidden: Record<"draft" | "unpublished" | "scheduled" | "withdrawn", string>;
let reprintId: string;
let bothRolesId: string;

type ArticleOverrides = Parameters<typeof createTestArticle>[1];

async function published(overrides: ArticleOverrides) {
  const article = await createTestArticle(editor, overrides);
  const moved = await publishArticle({ id: article.id, version: article.version }, context(editor));
  advanceClock(60_000);
  return moved;
}

async function grantedSource(name: string, slug: string, options: { until?: Date } = {}) {
  const source = await db.source.create({
    data: {
      name,
      slug,
      kind: "WECHAT_ACCOUNT",
      url: "https://mp.example/buyidao",
      description: "Commentary on cross-strait affairs.",
      contactEmail: "private-contact@source.example",
      notes: "Private negotiation notes",
    },
  });
  await db.reprintAuthorization.create({
    data: {
      sourceId: source.id,
      status: "GRANTED",
      validFrom: new Date(T0.getTime() - 24 * HOUR),
      validUntil: options.until ?? null,
      translationAllowed: true,
      attributionText: `Reprinted with permission of ${name}.`,
    },
  });
  return source.id;
}

beforeAll(async () => {
  setClock(T0);
  editor = await createTestUser("EDITOR");
  const ctx = context(editor);
  ids.taiwan = (
    await createTag({ name: "Taiwan", kind: "PLACE", description: "The island and its strait." }, ctx)
  ).id;
  ids.empty = (await createTag({ name: "Nothing yet" }, ctx)).id;
  ids.alice = (await createPerson({ name: "Alice Archer", bio: "Writes on the strait." }, ctx)).id;
  ids.bob = (await createPerson({ name: "Bob Brush", nativeName: "刀妹" }, ctx)).id;
  ids.ghost = (await createPerson({ name: "Ghost Writer" }, ctx)).id;
  ids.source = await grantedSource("Bu Yidao", "bu-yidao");
  ids.lapsedSource = await grantedSource("Lapsed Daily", "lapsed-daily", {
    until: new Date(T0.getTime() + 2 * HOUR),
  });

  const alice = { personId: ids.alice, role: "AUTHOR" as const };
  // 22 originals by Alice (so the tag and her archive have a second page).
  for (let i = 1; i <= 22; i++) {
    const article = await published({ title: `Original ${i}`, tagIds: [ids.taiwan], bylines: [alice] });
    taiwanPublic.unshift(article.id);
  }
  const reprint = await published({
    title: "A reprint",
    kind: "REPRINT",
    sourceId: ids.source,
    isTranslation: true,
    tagIds: [ids.taiwan],
    bylines: [alice, { personId: ids.bob, role: "TRANSLATOR" }],
  });
  reprintId = reprint.id;
  taiwanPublic.unshift(reprint.id);
  const both = await published({
    title: "Both roles",
    tagIds: [ids.taiwan],
    bylines: [
      { personId: ids.bob, role: "AUTHOR" },
      { personId: ids.bob, role: "TRANSLATOR" },
    ],
  });
  bothRolesId = both.id;
  taiwanPublic.unshift(both.id);

  const draft = await createTestArticle(editor, {
    title: "Draft",
    tagIds: [ids.taiwan],
    bylines: [{ personId: ids.ghost, role: "AUTHOR" }],
  });
  const unpublished = await published({ title: "Unpublished", tagIds: [ids.taiwan], bylines: [alice] });
  await unpublishArticle({ id: unpublished.id, version: unpublished.version }, context(editor));
  const scheduledDraft = await createTestArticle(editor, {
    title: "Scheduled",
    tagIds: [ids.taiwan],
    bylines: [alice],
  });
  await scheduleArticle(
    {
      id: scheduledDraft.id,
      version: scheduledDraft.version,
      publishAt: new Date(T0.getTime() + 100 * HOUR),
    },
    context(editor),
  );
  const withdrawn = await published({
    title: "Withdrawn",
    kind: "REPRINT",
    sourceId: ids.lapsedSource,
    tagIds: [ids.taiwan],
    bylines: [alice],
  });
  hidden = {
    draft: draft.id,
    unpublished: unpublished.id,
    scheduled: scheduledDraft.id,
    withdrawn: withdrawn.id,
  };
  // The lapsed source's authorization ends: its reprint is withdrawn at read time.
  setClock(new Date(T0.getTime() + 3 * HOUR));
}, 120_000);

// ─── Next's control-flow errors ──────────────────────────────────────────────

async function outcome(work: Promise<unknown>): Promise<{ status: number; location?: string }> {
  try {
    await work;
    return { status: 200 };
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest !== "string") throw error;
    if (digest.startsWith("NEXT_REDIRECT;")) {
      const parts = digest.split(";");
      return { status: Number(parts.at(-2)), location: parts.slice(2, -2).join(";") };
    }
    if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;")) return { status: Number(digest.split(";")[1]) };
    throw error;
  }
}

/** The page's props for /…/<slug>?page=N, which next.config.ts rewrites to /…/<slug>/page/N. */
function props(slug: string, search: { page?: string } = {}) {
  return { params: Promise.resolve({ slug, ...search }) };
}

async function html(page: Promise<ReactElement>): Promise<string> {
  return renderToStaticMarkup(createElement("div", null, await page));
}

const allHidden = () => Object.values(hidden);

// ─── Page numbers and slugs ──────────────────────────────────────────────────

describe("page numbers", () => {
  it("read anything that is not a whole number from 1 as page 1", () => {
    expect(archivePageNumber({})).toBe(1);
    expect(archivePageNumber({ page: "2" })).toBe(2);
    for (const page of ["abc", "-3", "0", "1.5", "", "2e400", "NaN", ["1", "2"]]) {
      expect(archivePageNumber({ page })).toBe(1);
    }
  });

  it("decode slugs from the URL, tolerating malformed escapes", () => {
    expect(slugFromParam("%E5%8F%B0%E6%B5%B7")).toBe("台海");
    expect(slugFromParam("%E0%A4%A")).toBe("%E0%A4%A");
    expect(slugFromParam("taiwan")).toBe("taiwan");
  });
});

// ─── Tags ────────────────────────────────────────────────────────────────────

describe("/tags/[slug]", () => {
  it("lists the tag's public articles newest first, 20 a page, and nothing else", async () => {
    const lookup = await lookupTag("taiwan");
    expect(lookup).toEqual({
      found: expect.objectContaining({ id: ids.taiwan, name: "Taiwan", kind: "PLACE" }),
    });
    const first = await listTagArticles(ids.taiwan, 1, now());
    const second = await listTagArticles(ids.taiwan, 2, now());
    expect(first).toMatchObject({ total: taiwanPublic.length, page: 1, pages: 2 });
    expect(first!.articles).toHaveLength(ARCHIVE_PAGE_SIZE);
    const listed = [...first!.articles, ...second!.articles].map((a) => a.id);
    expect(listed).toEqual(taiwanPublic);
    for (const id of allHidden()) expect(listed).not.toContain(id);
    expect(await listTagArticles(ids.taiwan, 3, now())).toBeNull();
  });

  it("renders the name, kind label, description and cards, with a canonical URL", async () => {
    const page = await html(TagPage(props("taiwan")));
    expect(page).toContain("Taiwan");
    expect(page).toMatch(/data-testid="archive-kind">Place</);
    expect(page).toContain("The island and its strait.");
    expect(page).toContain("Both roles");
    expect(page).toContain('rel="next"');
    expect(page).toContain('"@type":"BreadcrumbList"');
    for (const title of ["Draft", "Unpublished", "Scheduled", "Withdrawn"])
      expect(page).not.toContain(`>${title}<`);

    expect(await tagMetadata(props("taiwan"))).toMatchObject({
      title: "Taiwan",
      description: "The island and its strait.",
      alternates: { canonical: "/tags/taiwan" },
    });
    expect(await tagMetadata(props("taiwan", { page: "2" }))).toMatchObject({
      alternates: { canonical: "/tags/taiwan?page=2" },
    });
  });

  it("answers 404 past the last page and for unknown tags, and shows page 1 for nonsense", async () => {
    expect(await outcome(TagPage(props("taiwan", { page: "3" })))).toEqual({ status: 404 });
    expect(await outcome(TagPage(props("taiwan", { page: "999999999999" })))).toEqual({ status: 404 });
    expect(await outcome(TagPage(props("no-such-tag")))).toEqual({ status: 404 });
    expect(await outcome(TagPage(props("%E0%A4%A")))).toEqual({ status: 404 });
    for (const page of ["-1", "abc", "0"]) {
      expect(await outcome(TagPage(props("taiwan", { page })))).toEqual({ status: 200 });
    }
  });

  it("shows a tag with nothing public yet as an empty archive", async () => {
    const page = await html(TagPage(props("nothing-yet")));
    expect(page).toContain("Nothing under this tag has been published yet.");
    expect(await outcome(TagPage(props("nothing-yet", { page: "2" })))).toEqual({ status: 404 });
  });

  it("answers 308 from an old slug to the current one, keeping the page", async () => {
    const tag = await createTag({ name: "Strait" }, context(editor));
    await renameTag({ tagId: tag.id, name: "Taiwan Strait" }, context(editor));
    const current = await db.tag.findUniqueOrThrow({ where: { id: tag.id } });
    expect(current.slug).toBe("taiwan-strait");
    expect(await lookupTag("strait")).toEqual({ redirectTo: "taiwan-strait" });
    expect(await outcome(TagPage(props("strait")))).toEqual({ status: 308, location: "/tags/taiwan-strait" });
    expect(await outcome(TagPage(props("strait", { page: "2" })))).toEqual({
      status: 308,
      location: "/tags/taiwan-strait?page=2",
    });
  });
});

// ─── Sources ─────────────────────────────────────────────────────────────────

describe("/sources/[slug]", () => {
  it("profiles the source with public fields only, and lists its public reprints", async () => {
    const lookup = await lookupSource("bu-yidao", now());
    expect(lookup && "found" in lookup && Object.keys(lookup.found).sort()).toEqual(
      ["description", "id", "kind", "name", "slug", "url"].sort(),
    );
    const archive = await listSourceArticles(ids.source, 1, now());
    expect(archive?.articles.map((a) => a.id)).toEqual([reprintId]);

    const page = await html(SourcePage(props("bu-yidao")));
    expect(page).toContain("WeChat official account");
    expect(page).toContain("Commentary on cross-strait affairs.");
    expect(page).toContain('<a href="https://mp.example/buyidao" rel="nofollow noopener">');
    expect(page).toContain("A reprint");
    expect(page).not.toContain("private-contact@source.example");
    expect(page).not.toContain("Private negotiation notes");
    expect(await sourceMetadata(props("bu-yidao"))).toMatchObject({
      title: "Bu Yidao",
      alternates: { canonical: "/sources/bu-yidao" },
    });
  });

  it("answers 404 for a source whose only reprint was withdrawn, and for unknown sources", async () => {
    expect(await lookupSource("lapsed-daily", now())).toBeNull();
    expect(await outcome(SourcePage(props("lapsed-daily")))).toEqual({ status: 404 });
    expect(await outcome(SourcePage(props("nobody")))).toEqual({ status: 404 });
    expect(await outcome(SourcePage(props("bu-yidao", { page: "2" })))).toEqual({ status: 404 });
  });

  it("answers 308 from a source's old slug", async () => {
    await db.slugRedirect.create({
      data: { entityType: "Source", oldSlug: "buyidao-old", entityId: ids.source },
    });
    expect(await outcome(SourcePage(props("buyidao-old")))).toEqual({
      status: 308,
      location: "/sources/bu-yidao",
    });
  });
});

// ─── Authors ─────────────────────────────────────────────────────────────────

describe("/authors/[slug]", () => {
  it("lists a person's public articles with their role on each", async () => {
    const bob = await lookupPerson("bob-brush", now());
    expect(bob).toEqual({ found: expect.objectContaining({ name: "Bob Brush", nativeName: "刀妹" }) });
    const archive = await listPersonArticles({ id: ids.bob, slug: "bob-brush" }, 1, now());
    expect(archive?.articles.map((a) => [a.id, a.roles])).toEqual([
      [bothRolesId, ["AUTHOR", "TRANSLATOR"]],
      [reprintId, ["TRANSLATOR"]],
    ]);
    const page = await html(AuthorPage(props("bob-brush")));
    expect(page).toContain("刀妹");
    expect(page).toContain("Author and translator");
    expect(page).toContain("Translator");
  });

  it("pages through Alice's articles without the hidden ones", async () => {
    const first = await listPersonArticles({ id: ids.alice, slug: "alice-archer" }, 1, now());
    const second = await listPersonArticles({ id: ids.alice, slug: "alice-archer" }, 2, now());
    const listed = [...first!.articles, ...second!.articles];
    expect(listed).toHaveLength(23);
    expect(new Set(listed.map((a) => a.id)).size).toBe(23);
    expect(listed.every((a) => a.roles.join() === "AUTHOR")).toBe(true);
    for (const id of allHidden()) expect(listed.map((a) => a.id)).not.toContain(id);
    const times = listed.map((a) => a.publishedAt!.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(await authorMetadata(props("alice-archer", { page: "2" }))).toMatchObject({
      title: "Alice Archer · page 2",
      description: "Writes on the strait.",
      alternates: { canonical: "/authors/alice-archer?page=2" },
    });
  });

  it("answers 404 for a person with only unpublished bylines, and for unknown people", async () => {
    expect(await lookupPerson("ghost-writer", now())).toBeNull();
    expect(await outcome(AuthorPage(props("ghost-writer")))).toEqual({ status: 404 });
    expect(await outcome(AuthorPage(props("nobody-at-all")))).toEqual({ status: 404 });
  });

  it("answers 308 from a person's old slug", async () => {
    await db.slugRedirect.create({ data: { entityType: "Person", oldSlug: "bob-old", entityId: ids.bob } });
    expect(await outcome(AuthorPage(props("bob-old", { page: "abc" })))).toEqual({
      status: 308,
      location: "/authors/bob-brush",
    });
  });
});

// ─── Before routing ──────────────────────────────────────────────────────────

describe("the proxy's check of which addresses may have a page", () => {
  const slugOf = async (id: string) => (await db.article.findUniqueOrThrow({ where: { id } })).slug;

  it("lets through what the pages show or redirect, and nothing they answer 404 for", async () => {
    const at = now();
    // Slugs articles had before: one now public, one now hidden.
    await db.slugRedirect.createMany({
      data: [
        { entityType: "Article", oldSlug: "reprint-as-first-titled", entityId: reprintId },
        { entityType: "Article", oldSlug: "hidden-as-first-titled", entityId: allHidden()[0]! },
      ],
    });
    const cases: Array<readonly [AddressKind, string, boolean]> = [
      ["articles", await slugOf(reprintId), true],
      ...(await Promise.all(allHidden().map(async (id) => ["articles", await slugOf(id), false] as const))),
      ["articles", "no-such-article", false],
      ["articles", "reprint-as-first-titled", true],
      ["articles", "hidden-as-first-titled", false],
      ["tags", "taiwan", true],
      ["tags", "nothing-yet", true],
      ["tags", "strait", true],
      ["tags", "taiwan-strait", true],
      ["tags", "no-such-tag", false],
      ["sources", "bu-yidao", true],
      ["sources", "lapsed-daily", false],
      ["sources", "nobody", false],
      ["authors", "alice-archer", true],
      ["authors", "bob-old", true],
      ["authors", "ghost-writer", false],
      ["authors", "nobody-at-all", false],
    ];
    for (const [kind, slug, expected] of cases) {
      const address = addressOf(`/${kind}/${encodeURIComponent(slug)}`)!;
      expect(await mayHavePage(address, at), `${kind}/${slug}`).toBe(expected);
    }
  });

  it("reads the address of each kind, and nothing else", () => {
    expect(addressOf("/articles/%E5%8F%B0%E6%B5%B7")).toEqual({
      kind: "articles",
      slug: "台海",
      page: { page: "article", slug: "台海" },
    });
    expect(addressOf("/zh-Hans/articles/a")).toEqual({
      kind: "articles",
      slug: "a",
      page: { page: "version", slug: "a", language: "zh-Hans" },
    });
    expect(addressOf("/api/articles/a")).toBeNull();
    expect(addressOf("/authors/alice-archer/")).toEqual({ kind: "authors", slug: "alice-archer" });
    expect(addressOf("/tags/%ff")).toBeNull();
    expect(addressOf("/articles/a/og-image")).toBeNull();
    expect(addressOf("/admin/articles")).toBeNull();
  });
});
