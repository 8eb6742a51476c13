// The sitemap lists the home page, every public article (with its last change), and the tags,
// sources and authors that have a public article — absolute URLs, nothing a reader cannot open.
import { beforeAll, describe, expect, it } from "vitest";
import { publishArticle } from "@/lib/articles/workflow";
import { db } from "@/lib/platform/db";
import { buildSitemap } from "@/lib/feeds/sitemap";
import { context, createTestArticle } from "../support/articles";
import { createTestUser } from "../support/users";

const SITE = "https://crosscurrent.example/";
let publicSlug: string;
let draftSlug: string;
let publicUpdatedAt: Date;

beforeAll(async () => {
  const editor = await createTestUser("EDITOR");
  const [shown, hidden] = await Promise.all([
    db.person.create({ data: { name: "Shown author", slug: "shown-author" } }),
    db.person.create({ data: { name: "Draft-only author", slug: "draft-only-author" } }),
  ]);
  const [usedTag, draftTag, unusedTag] = await Promise.all([
    db.tag.create({ data: { name: "Used", slug: "used-tag" } }),
    db.tag.create({ data: { name: "Draft only", slug: "draft-only-tag" } }),
    db.tag.create({ data: { name: "Unused", slug: "unused-tag" } }),
  ]);
  expect(unusedTag.id).toBeTruthy();
  const source = await db.source.create({ data: { name: "Listed", slug: "listed-source", kind: "WEBSITE" } });
  await db.source.create({ data: { name: "Unlisted", slug: "unlisted-source", kind: "WEBSITE" } });
  await db.reprintAuthorization.create({
    data: { sourceId: source.id, status: "GRANTED", validFrom: new Date(Date.now() - 86_400_000) },
  });

  const article = await createTestArticle(editor, {
    title: "A public piece",
    kind: "REPRINT",
    sourceId: source.id,
    bylines: [{ personId: shown.id, role: "AUTHOR" }],
    tagIds: [usedTag.id],
  });
  const published = await publishArticle({ id: article.id, version: article.version }, context(editor));
  publicSlug = published.slug;
  publicUpdatedAt = (await db.article.findUniqueOrThrow({ where: { id: article.id } })).updatedAt;

  const draft = await createTestArticle(editor, {
    title: "A draft piece",
    bylines: [{ personId: hidden.id, role: "AUTHOR" }],
    tagIds: [draftTag.id],
  });
  draftSlug = draft.slug;
});

describe("the sitemap", () => {
  it("lists home, public articles with lastmod, and taxonomy pages that have public articles", async () => {
    const entries = await buildSitemap(new Date(), SITE);
    const urls = entries.map((e) => e.url);
    expect(urls).toEqual([
      "https://crosscurrent.example/",
      `https://crosscurrent.example/articles/${publicSlug}`,
      "https://crosscurrent.example/tags/used-tag",
      "https://crosscurrent.example/sources/listed-source",
      "https://crosscurrent.example/authors/shown-author",
    ]);
    expect(entries[1]!.lastModified).toEqual(publicUpdatedAt);
    expect(entries[0]!.lastModified).toEqual(publicUpdatedAt);
    expect(urls.join(" ")).not.toContain(draftSlug);
  });

  it("is just the home page before anything is public", async () => {
    const entries = await buildSitemap(new Date("2000-01-01T00:00:00Z"), "https://crosscurrent.example");
    expect(entries).toEqual([
      {
        url: "https://crosscurrent.example/",
        lastModified: undefined,
        changeFrequency: "hourly",
        priority: 1,
      },
    ]);
  });
});
