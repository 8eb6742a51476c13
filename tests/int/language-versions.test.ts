// An original published beside its translation: who may publish it and when it is refused, where
// it is public (only while the article is, in its own language, under the article's current slug),
// the hreflang pairs both pages carry, and the JSON-LD that ties the two works together. The texts
// are synthetic, written for this test.
import { describe, expect, it } from "vitest";
import { publishOriginal } from "@/app/(admin)/admin/articles/actions";
import { setOriginalPublished } from "@/lib/articles/publish-original";
import { addressOf, mayHavePage } from "@/lib/articles/public-addresses";
import { languageVersions } from "@/lib/articles/language-versions";
import { articlePath, articleVersionPath, sideBySidePath } from "@/lib/articles/paths";
import { getPublishedArticle } from "@/lib/articles/public-articles";
import { publishArticle, unpublishArticle } from "@/lib/articles/workflow";
import { importPastedReprint } from "@/lib/import/import-reprint";
import { ActionFailure } from "@/lib/platform/actions/result";
import { runAction } from "@/lib/platform/actions/run-action";
import { now } from "@/lib/platform/clock";
import { db } from "@/lib/platform/db";
import { pageAlternates } from "@/lib/seo/feed-links";
import { newsArticleJsonLd, originalVersionJsonLd, type JsonLdSite } from "@/lib/seo/json-ld";
import { context, createTestArticle, grantingSource } from "../support/articles";
import { createTestUser } from "../support/users";

const SITE = "https://crosscurrent.example";
const PUBLISHER: JsonLdSite = { name: "Crosscurrent", language: "en", logo: null };

const ZH_ORIGINAL = [
  "山城的夜班公交",
  "",
  "晚上十一点，最后一班公交车从江边出发，车上坐着刚下班的护士和几个学生。",
  "",
  "司机说，这条线路开了二十年，乘客换了一批又一批，山路却一直没变。",
].join("\n");

const EN_TRANSLATION = [
  "The hill city's night bus",
  "",
  "At eleven at night the last bus leaves the riverside, carrying nurses off their shift and a few students.",
  "",
  "The driver says the route has run for twenty years: the passengers change, the hill roads never do.",
].join("\n");

async function publishedTranslation() {
  const editor = await createTestUser("EDITOR");
  const { source, authorization } = await grantingSource(editor.id);
  const { id } = await importPastedReprint(EN_TRANSLATION, context(editor), {
    originalText: ZH_ORIGINAL,
    originalTextUrl: "https://example.org/night-bus",
    isTranslation: true,
  });
  await db.article.update({
    where: { id },
    data: { sourceId: source.id, authorizationId: authorization.id },
  });
  const { version } = await db.article.findUniqueOrThrow({ where: { id }, select: { version: true } });
  await publishArticle({ id, version }, context(editor));
  const article = await db.article.findUniqueOrThrow({ where: { id }, select: { id: true, slug: true } });
  return { editor, article };
}

const versionAddress = (slug: string, language = "zh-Hans") => addressOf(articleVersionPath(slug, language))!;

describe("an original published beside its translation", () => {
  it("is public at /<language>/articles/<slug> only once the desk publishes it, and only while the article is", async () => {
    const { editor, article } = await publishedTranslation();
    expect(await mayHavePage(versionAddress(article.slug), now())).toBe(false);
    expect(await mayHavePage(addressOf(sideBySidePath(article.slug))!, now())).toBe(false);

    await setOriginalPublished({ id: article.id, published: true }, "en", context(editor));
    expect(await mayHavePage(versionAddress(article.slug), now())).toBe(true);
    expect(await mayHavePage(addressOf(sideBySidePath(article.slug))!, now())).toBe(true);
    // Another language, or a slug that is not the article's, has no page.
    expect(await mayHavePage(versionAddress(article.slug, "ja"), now())).toBe(false);
    expect(await mayHavePage(versionAddress(`${article.slug}-x`), now())).toBe(false);

    const { version } = await db.article.findUniqueOrThrow({
      where: { id: article.id },
      select: { version: true },
    });
    await unpublishArticle({ id: article.id, version }, context(editor));
    expect(await mayHavePage(versionAddress(article.slug), now())).toBe(false);
  });

  it("records the decision in the audit log, and stopping it takes the page away", async () => {
    const { editor, article } = await publishedTranslation();
    await setOriginalPublished({ id: article.id, published: true }, "en", context(editor));
    await setOriginalPublished({ id: article.id, published: false }, "en", context(editor));
    const actions = await db.auditLog.findMany({
      where: { entityId: article.id, action: { startsWith: "article.original_" } },
      orderBy: { createdAt: "asc" },
      select: { action: true },
    });
    expect(actions.map((a) => a.action).filter((a) => a !== "article.original_attached")).toEqual([
      "article.original_published",
      "article.original_unpublished",
    ]);
    expect(await mayHavePage(versionAddress(article.slug), now())).toBe(false);
  });

  it("refuses our own pieces, reprints with no original, an original in the site's language and writers", async () => {
    const { editor, article } = await publishedTranslation();
    const own = await createTestArticle(editor);
    await expect(
      setOriginalPublished({ id: own.id, published: true }, "en", context(editor)),
    ).rejects.toThrow(/Only a reprint with a kept original/);
    // The site's language is the original's: the article is that version already.
    await expect(
      setOriginalPublished({ id: article.id, published: true }, "zh-Hans", context(editor)),
    ).rejects.toMatchObject({ code: "INVALID", message: expect.stringMatching(/site's own language/) });
    await expect(
      setOriginalPublished({ id: "no-such-article", published: true }, "en", context(editor)),
    ).rejects.toBeInstanceOf(ActionFailure);

    const writer = await createTestUser("WRITER");
    const refused = await runAction(publishOriginal.definition, writer, { id: article.id, published: true });
    expect(refused).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const bad = await runAction(publishOriginal.definition, editor, { id: 42, published: "yes" });
    expect(bad).toMatchObject({ ok: false, code: "INVALID" });
    const stored = await db.article.findUniqueOrThrow({
      where: { id: article.id },
      select: { originalPublished: true },
    });
    expect(stored.originalPublished).toBe(false);
  });

  it("gives both pages the same reciprocal hreflang pairs, between this site's pages only", async () => {
    const { editor, article } = await publishedTranslation();
    await setOriginalPublished({ id: article.id, published: true }, "en", context(editor));
    const view = (await getPublishedArticle(article.slug, now()))!;
    const versions = languageVersions(view, view.originalRevisions[0] ?? null, "en");
    expect(versions).toEqual([
      {
        language: "en",
        path: articlePath(article.slug),
        title: "The hill city's night bus",
        isOriginal: false,
      },
      {
        language: "zh-Hans",
        path: articleVersionPath(article.slug, "zh-Hans"),
        title: "山城的夜班公交",
        isOriginal: true,
      },
    ]);
    const onArticle = pageAlternates({ canonical: versions[0]!.path, versions }).languages;
    const onOriginal = pageAlternates({ canonical: versions[1]!.path, versions }).languages;
    expect(onArticle).toEqual(onOriginal);
    expect(onArticle).toEqual({ en: versions[0]!.path, "zh-Hans": versions[1]!.path });
    for (const path of Object.values(onArticle ?? {})) expect(String(path)).toMatch(/^\//);
    // Without a published original: no alternates at all.
    expect(pageAlternates({ versions: versions.slice(0, 1) }).languages).toBeUndefined();
  });

  it("ties the two works together in JSON-LD: translationOfWork one way, workTranslation the other", async () => {
    const { editor, article } = await publishedTranslation();
    await setOriginalPublished({ id: article.id, published: true }, "en", context(editor));
    const view = (await getPublishedArticle(article.slug, now()))!;
    const original = view.originalRevisions[0]!;
    const [translation, own] = languageVersions(view, original, "en") as [
      ReturnType<typeof languageVersions>[0],
      ReturnType<typeof languageVersions>[0],
    ];
    const articleLd = newsArticleJsonLd(view, SITE, PUBLISHER, own);
    const originalLd = originalVersionJsonLd(
      {
        original: { ...own, authorLine: original.authorLine, url: original.url },
        translation,
        publishedAt: view.publishedAt,
        source: view.source!,
        bylines: view.bylines,
      },
      SITE,
      PUBLISHER,
    );
    expect(articleLd).toMatchObject({
      "@id": `${SITE}${translation.path}#article`,
      inLanguage: "en",
      translationOfWork: { "@id": `${SITE}${own.path}#article`, inLanguage: "zh-Hans" },
    });
    expect(originalLd).toMatchObject({
      "@id": `${SITE}${own.path}#article`,
      inLanguage: "zh-Hans",
      headline: "山城的夜班公交",
      isBasedOn: "https://example.org/night-bus",
      workTranslation: { "@id": `${SITE}${translation.path}#article`, inLanguage: "en" },
    });
  });
});
