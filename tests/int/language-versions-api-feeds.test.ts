// An article's kept original, published beside it as its version in its own language, as the
// content API, the feeds and the sitemap state it: the API names every version and, only while
// the desk publishes it, gives the original itself; each feed item says its language and links
// the other version; the sitemap lists both addresses, each naming the other. Until the original
// is published, and once the article stops being public, nothing of it shows. The Chinese text is
// synthetic, written for this test.
import { parseFeed } from "@rowanmanning/feed-parser";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { NextRequest } from "next/server";
import { resolveSitemap } from "next/dist/build/webpack/loaders/metadata/resolve-route-data";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getArticleRoute } from "@/app/api/v1/articles/[slug]/route";
import { GET as listArticlesRoute } from "@/app/api/v1/articles/route";
import { GET as siteFeedRoute } from "@/app/feed.xml/route";
import { GET as sourceFeedRoute } from "@/app/feeds/sources/[slug]/route";
import { GET as tagFeedRoute } from "@/app/feeds/tags/[slug]/route";
import { attachOriginal } from "@/lib/articles/attach-original";
import type { OriginalFields } from "@/lib/articles/original-schema";
import { publishArticle, unpublishArticle } from "@/lib/articles/workflow";
import { documentFromBlocks } from "@/lib/editor/document";
import { buildSitemap } from "@/lib/feeds/sitemap";
import { listFeedArticles } from "@/lib/feeds/data";
import { articleContentWithBodySelect } from "@/lib/articles/public-articles";
import { publicArticleWhere } from "@/lib/articles/visibility";
import { invalidateArticle } from "@/lib/platform/cache/article-changes";
import { now, setClock } from "@/lib/platform/clock";
import { db } from "@/lib/platform/db";
import { env } from "@/lib/platform/env";
import type { CurrentUser } from "@/lib/platform/session";
import { context, createTestArticle } from "../support/articles";
import { createTestUser } from "../support/users";

const HOUR = 3_600_000;
const T0 = new Date("2026-05-01T08:00:00Z");
const SITE = env.SITE_URL.replace(/\/$/, "");

const ZH_TITLE = "山村茶季的新算盘";
const ZH_PARAGRAPHS = [
  "四月初，山坡上的茶树刚冒出新芽，采茶的阿姨们天不亮就背着竹篓上了山。",
  "合作社的会计说，今年的收购价比去年高了一成，但雇工越来越难找。",
  "村口小学的校长笑着说：“孩子们放学后也来帮忙，算是上了一堂劳动课。”",
];
/** The source's correction, re-imported: the price rose by fifteen per cent, not ten. */
const ZH_CORRECTED = "合作社的会计说，今年的收购价比去年高了一成半，但雇工越来越难找。";
const EN_TITLE = "The new sums of a mountain tea season";
const EN_PARAGRAPHS = [
  "In early April, as the tea bushes on the slopes put out their first buds, the pickers climb the hill with bamboo baskets before dawn.",
  "The co-operative's accountant says the buying price is a tenth higher than last year, but hired hands are ever harder to find.",
  "The head of the village school laughs: the children come to help after class, which counts as a lesson in work.",
];

let editor: CurrentUser;
let sourceSlug: string;
let tagSlug: string;
let grant: { sourceId: string; authorizationId: string };
let lapsing: { sourceId: string; authorizationId: string };
let tea: { id: string; slug: string };

function originalFields(paragraphs = ZH_PARAGRAPHS): OriginalFields {
  return {
    language: "zh-Hans",
    title: ZH_TITLE,
    body: documentFromBlocks(paragraphs.map((text) => ({ type: "paragraph", text }))),
    url: "https://example.org/tea-season",
    authorLine: "林晓山",
    publishedOn: "2026-03-28",
  };
}

async function grantingSource(slug: string, until: Date | null) {
  const source = await db.source.create({
    data: { name: `Tea Notes ${slug}`, slug, kind: "WECHAT_ACCOUNT" },
  });
  const authorization = await db.reprintAuthorization.create({
    data: {
      sourceId: source.id,
      status: "GRANTED",
      validFrom: new Date("2020-01-01T00:00:00Z"),
      validUntil: until,
      decidedAt: new Date("2020-01-01T00:00:00Z"),
      requestedById: editor.id,
      translationAllowed: true,
    },
  });
  return { sourceId: source.id, authorizationId: authorization.id };
}

/** A published English translation of the tea piece, its Chinese original kept beside it. */
async function publishedTranslation(
  on: { sourceId: string; authorizationId: string },
  { title = EN_TITLE, tagId }: { title?: string; tagId?: string } = {},
) {
  const article = await createTestArticle(editor, {
    title,
    kind: "REPRINT",
    isTranslation: true,
    ...on,
    ...(tagId ? { tagIds: [tagId] } : {}),
    paragraphs: EN_PARAGRAPHS,
  });
  await attachOriginal(article.id, originalFields(), context(editor));
  const { version } = await db.article.findUniqueOrThrow({ where: { id: article.id } });
  const published = await publishArticle({ id: article.id, version }, context(editor));
  return { id: published.id, slug: published.slug, version: published.version };
}

/** What the lead's command does: flips the flag, then invalidates the article's answers. */
async function publishOriginal(id: string, value: boolean) {
  await db.article.update({ where: { id }, data: { originalPublished: value } });
  await invalidateArticle(id);
}

beforeAll(async () => {
  setClock(T0);
  editor = await createTestUser("EDITOR");
  sourceSlug = "tea-notes";
  grant = await grantingSource(sourceSlug, null);
  lapsing = await grantingSource("tea-notes-lapsing", new Date(T0.getTime() + HOUR));
  const tag = await db.tag.create({ data: { name: "Tea", slug: "tea", kind: "TOPIC" } });
  tagSlug = tag.slug;
  tea = await publishedTranslation(grant, { tagId: tag.id });
}, 120_000);

// ─── Reading the answers ─────────────────────────────────────────────────────

async function apiArticle(slug: string) {
  const response = await getArticleRoute(new NextRequest(`${SITE}/api/v1/articles/${slug}`), {
    params: Promise.resolve({ slug }),
  });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as { data: Record<string, unknown> } };
}

async function apiList() {
  const response = await listArticlesRoute(new NextRequest(`${SITE}/api/v1/articles?limit=100`));
  const text = await response.text();
  return { text, data: (JSON.parse(text) as { data: Array<Record<string, unknown>> }).data };
}

async function feeds(): Promise<string[]> {
  const slugParams = (slug: string) => ({ params: Promise.resolve({ slug }) });
  return Promise.all(
    [
      siteFeedRoute(),
      tagFeedRoute(new NextRequest(`${SITE}/feeds/tags/${tagSlug}`), slugParams(tagSlug)),
      sourceFeedRoute(new NextRequest(`${SITE}/feeds/sources/${sourceSlug}`), slugParams(sourceSlug)),
    ].map(async (response) => {
      const answered = await response;
      expect(answered.status).toBe(200);
      return answered.text();
    }),
  );
}

interface FeedItem {
  "@_xml:lang"?: string;
  link: string;
  "atom:link"?: Array<Record<string, string>>;
}

/** Well-formed XML, RSS 2.0 to a maintained feed parser; its channel language and items. */
async function readFeed(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parsed = parseFeed(xml);
  expect(parsed.meta.type).toBe("rss");
  expect(parsed.meta.version).toBe("2.0");
  expect(parsed.language).toBe("en");
  const document = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    isArray: (name) => name === "item" || name === "atom:link",
  }).parse(xml) as { rss: { channel: { language: string; item?: FeedItem[] } } };
  return { parsed, items: document.rss.channel.item ?? [] };
}

const articleUrl = (slug: string) => `${SITE}/articles/${slug}`;
const versionUrl = (slug: string) => `${SITE}/zh-Hans/articles/${slug}`;

function expectNoOriginalText(text: string) {
  for (const paragraph of [...ZH_PARAGRAPHS, ZH_CORRECTED]) expect(text).not.toContain(paragraph);
  expect(text).not.toContain("林晓山");
  expect(text).not.toContain("/zh-Hans/");
}

// ─── The answers ─────────────────────────────────────────────────────────────

describe("an article whose original is kept but not published", () => {
  it("has one version in the API and no original, nor any of its text", async () => {
    const { status, text, body } = await apiArticle(tea.slug);
    expect(status).toBe(200);
    expect(body.data).toMatchObject({
      language: "en",
      languageVersions: [{ language: "en", url: articleUrl(tea.slug), title: EN_TITLE, isOriginal: false }],
      original: null,
    });
    expectNoOriginalText(text);
    const list = await apiList();
    expect(list.data.find((a) => a.id === tea.id)).toMatchObject({
      language: "en",
      languageVersions: [{ language: "en", url: articleUrl(tea.slug), title: EN_TITLE, isOriginal: false }],
    });
    expectNoOriginalText(list.text);
  });

  it("is an item in the site's language with no alternate in every feed, and alone in the sitemap", async () => {
    for (const xml of await feeds()) {
      const { items } = await readFeed(xml);
      const item = items.find((i) => i.link === articleUrl(tea.slug))!;
      expect(item["@_xml:lang"]).toBe("en");
      expect(item["atom:link"]).toBeUndefined();
      expectNoOriginalText(xml);
    }
    const entries = await buildSitemap(now(), SITE);
    expect(entries.filter((e) => e.url.includes(tea.slug))).toEqual([
      { url: articleUrl(tea.slug), lastModified: expect.any(Date) },
    ]);
  });
});

describe("an article whose original is published beside it", () => {
  it("gives both versions and the original in the API; the next answer after the flag or a re-import", async () => {
    const before = await apiArticle(tea.slug);
    expect(before.body.data.original).toBeNull();
    // The answer is cached: a change nobody announces is not seen…
    await db.article.update({ where: { id: tea.id }, data: { originalPublished: true } });
    expect((await apiArticle(tea.slug)).body.data.original).toBeNull();
    // …and the command's invalidation makes the very next answer the new one.
    await invalidateArticle(tea.id);
    const { status, body } = await apiArticle(tea.slug);
    expect(status).toBe(200);
    expect(body.data.language).toBe("en");
    expect(body.data.languageVersions).toEqual([
      { language: "en", url: articleUrl(tea.slug), title: EN_TITLE, isOriginal: false },
      { language: "zh-Hans", url: versionUrl(tea.slug), title: ZH_TITLE, isOriginal: true },
    ]);
    expect(body.data.original).toEqual({
      language: "zh-Hans",
      title: ZH_TITLE,
      html: ZH_PARAGRAPHS.map((p) => `<p>${p}</p>`).join(""),
      url: versionUrl(tea.slug),
      sourceUrl: "https://example.org/tea-season",
      authorLine: "林晓山",
      publishedOn: "2026-03-28",
      revision: 1,
    });
    // The article's own text and HTML are unchanged: the original is beside it, not in it.
    expect(body.data.html).toBe(EN_PARAGRAPHS.map((p) => `<p>${p}</p>`).join(""));

    const list = await apiList();
    const listed = list.data.find((a) => a.id === tea.id)!;
    expect(listed.languageVersions).toEqual(body.data.languageVersions);
    expect(listed).not.toHaveProperty("original");
    // The list names the versions, never the original's text.
    for (const paragraph of ZH_PARAGRAPHS) expect(list.text).not.toContain(paragraph);

    // A re-import at the source's correction is the next answer, with nothing else done.
    await attachOriginal(tea.id, originalFields([ZH_PARAGRAPHS[0]!, ZH_CORRECTED, ZH_PARAGRAPHS[2]!]), {
      actor: editor,
      ip: "127.0.0.1",
    });
    const after = (await apiArticle(tea.slug)).body.data.original as { revision: number; html: string };
    expect(after.revision).toBe(2);
    expect(after.html).toContain(ZH_CORRECTED);
    expect(after.html).not.toContain(ZH_PARAGRAPHS[1]);
  });

  it("links the original from its item in every feed, as an alternate in its language", async () => {
    await publishOriginal(tea.id, true);
    for (const xml of await feeds()) {
      const { parsed, items } = await readFeed(xml);
      const item = items.find((i) => i.link === articleUrl(tea.slug))!;
      expect(item["@_xml:lang"]).toBe("en");
      expect(item["atom:link"]).toEqual([
        {
          "@_rel": "alternate",
          "@_type": "text/html",
          "@_hreflang": "zh-Hans",
          "@_href": versionUrl(tea.slug),
          "@_title": ZH_TITLE,
        },
      ]);
      // The feed parser still reads the item as it was: its link is the article's, not the original's.
      expect(parsed.items.find((i) => i.title === EN_TITLE)?.url).toBe(articleUrl(tea.slug));
      // The channel keeps one self link, the atom namespace declared once for both.
      expect(xml.match(/xmlns:atom=/g)).toHaveLength(1);
      expect(xml.match(/rel="self"/g)).toHaveLength(1);
    }
  });

  it("lists both addresses in the sitemap, each naming both as hreflang alternates", async () => {
    await publishOriginal(tea.id, true);
    const entries = await buildSitemap(now(), SITE);
    const languages = { en: articleUrl(tea.slug), "zh-Hans": versionUrl(tea.slug) };
    const mine = entries.filter((e) => e.url.includes(tea.slug));
    expect(mine).toEqual([
      { url: articleUrl(tea.slug), lastModified: expect.any(Date), alternates: { languages } },
      { url: versionUrl(tea.slug), lastModified: expect.any(Date), alternates: { languages } },
    ]);
    // Reciprocal: every alternate named is an entry that names the one naming it.
    for (const entry of mine) {
      for (const url of Object.values(entry.alternates!.languages!)) {
        const named = entries.find((e) => e.url === url);
        expect(Object.values(named?.alternates?.languages ?? {})).toContain(entry.url);
      }
    }
    const xml = resolveSitemap(entries);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('xmlns:xhtml="http://www.w3.org/1999/xhtml"');
    for (const url of Object.values(languages)) {
      const block = xml.split("<url>").find((b) => b.includes(`<loc>${url}</loc>`))!;
      expect(block).toContain(`<xhtml:link rel="alternate" hreflang="en" href="${articleUrl(tea.slug)}" />`);
      expect(block).toContain(
        `<xhtml:link rel="alternate" hreflang="zh-Hans" href="${versionUrl(tea.slug)}" />`,
      );
    }
  });

  it("names the latest revision everywhere, the feed's one-pass read agreeing with Prisma's", async () => {
    await publishOriginal(tea.id, true);
    const retitled = {
      ...originalFields([ZH_PARAGRAPHS[0]!, ZH_CORRECTED]),
      title: "山村茶季的新算盘（更正）",
    };
    await attachOriginal(tea.id, retitled, context(editor));
    const latest = await db.originalRevision.findFirstOrThrow({
      where: { articleId: tea.id },
      orderBy: { revision: "desc" },
    });
    expect(latest.revision).toBeGreaterThan(1);
    const { body } = await apiArticle(tea.slug);
    expect(body.data.languageVersions).toContainEqual({
      language: "zh-Hans",
      url: versionUrl(tea.slug),
      title: retitled.title,
      isOriginal: true,
    });
    expect(body.data.original).toMatchObject({ title: retitled.title, revision: latest.revision });
    const listed = (await apiList()).data.find((a) => a.id === tea.id)!;
    expect(listed.languageVersions).toEqual(body.data.languageVersions);
    for (const xml of await feeds()) {
      const { items } = await readFeed(xml);
      const item = items.find((i) => i.link === articleUrl(tea.slug))!;
      expect(item["atom:link"]).toMatchObject([{ "@_title": retitled.title }]);
    }
    const sitemap = await buildSitemap(now(), SITE);
    expect(sitemap.map((e) => e.url)).toContain(versionUrl(tea.slug));
    const expected = await db.article.findMany({
      where: publicArticleWhere(now()),
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      select: articleContentWithBodySelect,
    });
    expect(expected.find((a) => a.id === tea.id)?.originalRevisions).toEqual([
      { language: "zh-Hans", title: retitled.title },
    ]);
    expect(await listFeedArticles({}, now(), 100)).toEqual(expected);
  });

  it("shows nothing once the flag is off again", async () => {
    await publishOriginal(tea.id, true);
    expect((await apiArticle(tea.slug)).body.data.original).not.toBeNull();
    await publishOriginal(tea.id, false);
    const { text, body } = await apiArticle(tea.slug);
    expect(body.data.original).toBeNull();
    expect(body.data.languageVersions).toHaveLength(1);
    expectNoOriginalText(text);
    for (const xml of await feeds()) expectNoOriginalText(xml);
    expect((await buildSitemap(now(), SITE)).map((e) => e.url)).not.toContain(versionUrl(tea.slug));
  });
});

describe("an article that is not public", () => {
  it("exposes nothing of its published original once unpublished", async () => {
    const other = await publishedTranslation(grant, { title: "Tea season, unpublished" });
    await publishOriginal(other.id, true);
    expect((await apiArticle(other.slug)).body.data.original).not.toBeNull();
    const { version } = await db.article.findUniqueOrThrow({ where: { id: other.id } });
    await unpublishArticle({ id: other.id, version }, context(editor));
    const answer = await apiArticle(other.slug);
    expect(answer.status).toBe(404);
    expectNoOriginalText(answer.text);
    expect((await apiList()).data.map((a) => a.id)).not.toContain(other.id);
    for (const xml of await feeds()) expect(xml).not.toContain(other.slug);
    expect((await buildSitemap(now(), SITE)).map((e) => e.url).join(" ")).not.toContain(other.slug);
  });

  it("exposes nothing of its published original once withdrawn (its authorization ended)", async () => {
    const lapsed = await publishedTranslation(lapsing, { title: "Tea season, withdrawn" });
    await publishOriginal(lapsed.id, true);
    expect((await apiArticle(lapsed.slug)).body.data.original).not.toBeNull();
    setClock(new Date(T0.getTime() + 2 * HOUR));
    const answer = await apiArticle(lapsed.slug);
    expect(answer.status).toBe(451);
    expectNoOriginalText(answer.text);
    expect((await apiList()).data.map((a) => a.id)).not.toContain(lapsed.id);
    for (const xml of await feeds()) expect(xml).not.toContain(lapsed.slug);
    expect((await buildSitemap(now(), SITE)).map((e) => e.url).join(" ")).not.toContain(lapsed.slug);
    // The translation still answers, with its original.
    expect((await apiArticle(tea.slug)).status).toBe(200);
  });
});
