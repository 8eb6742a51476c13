// Old article slugs lead to the current one (the page answers 308), but only while the article
// is public: an old slug never reveals a draft, an unpublished or a withdrawn article.
import { afterEach, describe, expect, it } from "vitest";
import { currentSlugFor } from "@/lib/articles/slug-redirects";
import { saveArticle } from "@/lib/articles/save-article";
import { publishArticle, unpublishArticle } from "@/lib/articles/workflow";
import { now, resetClock, setClock } from "@/lib/platform/clock";
import { db } from "@/lib/platform/db";
import type { CurrentUser } from "@/lib/platform/session";
import { articleFields, context, createTestArticle } from "../support/articles";
import { createTestUser } from "../support/users";

const HOUR = 3_600_000;
const T0 = new Date("2026-05-01T08:00:00Z");

afterEach(() => resetClock());

let editor: CurrentUser | undefined;
async function staff() {
  return (editor ??= await createTestUser("EDITOR"));
}

async function latest(id: string) {
  return db.article.findUniqueOrThrow({ where: { id }, select: { id: true, version: true } });
}

/** A save that changes the title and slug; `keep` carries the fields the save must not reset. */
async function rename(
  id: string,
  title: string,
  slug: string,
  keep: Parameters<typeof articleFields>[0] = {},
) {
  const { version } = await latest(id);
  return saveArticle(
    { ...articleFields({ ...keep, title, slug }), id, version, manual: true },
    context(await staff()),
  );
}

async function publishedArticle(slug: string, overrides: Parameters<typeof createTestArticle>[1] = {}) {
  const article = await createTestArticle(await staff(), { title: slug, slug, ...overrides });
  await publishArticle({ id: article.id, version: article.version }, context(await staff()));
  return article.id;
}

describe("currentSlugFor", () => {
  it("leads an old slug of a public article to its current one, through every rename", async () => {
    const id = await publishedArticle("harbour-notes");
    await rename(id, "Harbour notes", "harbour-notes-revised");
    expect(await currentSlugFor("harbour-notes", now())).toBe("harbour-notes-revised");
    await rename(id, "Harbour notes", "harbour-notes-final");
    expect(await currentSlugFor("harbour-notes", now())).toBe("harbour-notes-final");
    expect(await currentSlugFor("harbour-notes-revised", now())).toBe("harbour-notes-final");
  });

  it("knows slugs in any script, as the URL decodes them", async () => {
    const id = await publishedArticle("台海局势");
    await rename(id, "台海局势", "台海局势-更新");
    expect(await currentSlugFor("台海局势")).toBe("台海局势-更新");
    // Hangul decomposed (NFD) is the same slug: whichever way it was typed, it is found.
    const id2 = await publishedArticle("한국-정치");
    await rename(id2, "한국 정치", "한국-정치-분석");
    expect(await currentSlugFor("한국-정치".normalize("NFD"))).toBe("한국-정치-분석");
  });

  it("is null for unknown slugs and for current ones", async () => {
    await publishedArticle("still-here");
    expect(await currentSlugFor("never-existed", now())).toBeNull();
    expect(await currentSlugFor("still-here", now())).toBeNull();
  });

  it("is null once the article is no longer public, and again after it comes back", async () => {
    const id = await publishedArticle("pulled-piece");
    await rename(id, "Pulled piece", "pulled-piece-2");
    expect(await currentSlugFor("pulled-piece", now())).toBe("pulled-piece-2");
    await unpublishArticle(await latest(id), context(await staff()));
    expect(await currentSlugFor("pulled-piece", now())).toBeNull();
    await publishArticle(await latest(id), context(await staff()));
    expect(await currentSlugFor("pulled-piece", now())).toBe("pulled-piece-2");
  });

  it("does not redirect to an article renamed back to its old slug", async () => {
    const id = await publishedArticle("round-trip");
    await rename(id, "Round trip", "round-trip-2");
    await rename(id, "Round trip", "round-trip");
    expect(await currentSlugFor("round-trip", now())).toBeNull();
    expect(await currentSlugFor("round-trip-2", now())).toBe("round-trip");
  });

  it("is null for a reprint whose rights lapsed", async () => {
    setClock(T0);
    const source = await db.source.create({ data: { name: "Lapsing", slug: "lapsing", kind: "WEBSITE" } });
    await db.reprintAuthorization.create({
      data: {
        sourceId: source.id,
        status: "GRANTED",
        validFrom: new Date(T0.getTime() - HOUR),
        validUntil: new Date(T0.getTime() + HOUR),
      },
    });
    const id = await publishedArticle("lapsing-reprint", { kind: "REPRINT", sourceId: source.id });
    const { authorizationId } = await db.article.findUniqueOrThrow({ where: { id } });
    await rename(id, "Lapsing reprint", "lapsing-reprint-2", {
      kind: "REPRINT",
      sourceId: source.id,
      authorizationId,
    });
    expect(await currentSlugFor("lapsing-reprint", now())).toBe("lapsing-reprint-2");
    expect(await currentSlugFor("lapsing-reprint", new Date(T0.getTime() + 2 * HOUR))).toBeNull();
  });

  it("never redirects from a draft's old slug (drafts keep none)", async () => {
    const draft = await createTestArticle(await staff(), { title: "Draft", slug: "draft-slug" });
    await rename(draft.id, "Draft", "draft-slug-2");
    expect(await currentSlugFor("draft-slug", now())).toBeNull();
  });
});
