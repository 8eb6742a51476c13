// Search in Chinese and Japanese: the text search cannot split these scripts into words, so a query
// in them is matched as substrings, in the article's own text and in the latest revision of its kept
// original, over the public articles only; the hit says which language version matched and leads
// to the original's own page when the desk publishes it. All texts are synthetic, written for
// these tests.
import { beforeAll, describe, expect, it } from "vitest";
import { attachOriginal } from "@/lib/articles/attach-original";
import { articlePath, articleVersionPath } from "@/lib/articles/paths";
import { publishArticle } from "@/lib/articles/workflow";
import { documentFromBlocks } from "@/lib/editor/document";
import { setClock, resetClock } from "@/lib/platform/clock";
import { db } from "@/lib/platform/db";
import type { KnownLanguage } from "@/lib/platform/languages";
import type { CurrentUser } from "@/lib/platform/session";
import { searchArticles, type SearchHit } from "@/lib/search/search-articles";
import { context, createTestArticle } from "../support/articles";
import { createTestUser } from "../support/users";

const SITE_LANGUAGE = "en";
let editor: CurrentUser;
type Key =
  | "strait"
  | "unpublished"
  | "ownTitle"
  | "station"
  | "corrected"
  | "percent"
  | "noPercent"
  | "underscore"
  | "noUnderscore"
  | "draft";
const ids = {} as Record<Key, string>;
const slugs = {} as Record<Key, string>;
let sourceId: string;
let authorizationId: string;
let tagSlug: string;

const search = (q: string, extra: { tag?: string; source?: string; page?: number; pageSize?: number } = {}) =>
  searchArticles({ q, page: 1, now: new Date(), siteLanguage: SITE_LANGUAGE, ...extra });
const foundIds = async (q: string) => (await search(q)).hits.map((h) => h.article.id);
const hitFor = async (q: string, key: Key): Promise<SearchHit> => {
  const hit = (await search(q)).hits.find((h) => h.article.id === ids[key]);
  expect(hit, `${key} is found for ${q}`).toBeDefined();
  return hit!;
};
const marked = (segments: { text: string; mark: boolean }[]) =>
  segments.filter((s) => s.mark).map((s) => s.text);
const text = (segments: { text: string; mark: boolean }[]) => segments.map((s) => s.text).join("");

/** Each piece a minute after the one before, so "newest first" is an order, not a tie. */
let minute = 0;
async function published(
  key: Key,
  fields: Parameters<typeof createTestArticle>[1] & { title: string; paragraphs: string[] },
) {
  const article = await createTestArticle(editor, fields);
  setClock(new Date(Date.UTC(2026, 0, 1, 9, minute++)));
  try {
    const moved = await publishArticle({ id: article.id, version: article.version }, context(editor));
    ids[key] = moved.id;
    slugs[key] = moved.slug;
    return moved;
  } finally {
    resetClock();
  }
}

function reprint(key: Key, title: string, paragraphs: string[], extra: { tagIds?: string[] } = {}) {
  return published(key, { title, paragraphs, kind: "REPRINT", sourceId, authorizationId, ...extra });
}

async function keepOriginal(key: Key, language: KnownLanguage, title: string, paragraphs: string[]) {
  await attachOriginal(
    ids[key],
    {
      language,
      title,
      body: documentFromBlocks(paragraphs.map((p) => ({ type: "paragraph", text: p }))),
      url: null,
      authorLine: "",
      publishedOn: null,
    },
    context(editor),
  );
}

/** The desk publishes the kept original beside the article (its own page, /<language>/articles/<slug>). */
const publishOriginal = (key: Key) =>
  db.article.update({ where: { id: ids[key] }, data: { originalPublished: true } });

beforeAll(async () => {
  editor = await createTestUser("EDITOR");
  const source = await db.source.create({
    data: { name: "Harbour Letters (test)", slug: "harbour-letters-cjk-test", kind: "WECHAT_ACCOUNT" },
  });
  sourceId = source.id;
  const grant = await db.reprintAuthorization.create({
    data: {
      sourceId,
      status: "GRANTED",
      validFrom: new Date("2020-01-01T00:00:00Z"),
      translationAllowed: true,
      attributionText: "Reprinted with permission.",
    },
  });
  authorizationId = grant.id;
  const tag = await db.tag.create({ data: { name: "Straits", slug: "straits-cjk-test", kind: "TOPIC" } });
  tagSlug = tag.slug;

  // A translation whose Chinese original is published beside it: 岸田 and 台湾海峡 are only in the original.
  await reprint(
    "strait",
    "Fishing boats at the edge of the strait",
    [
      "The prime minister said last week that calm on the water matters to the whole region.",
      "Fishermen in the harbour town say their catch has fallen for three years.",
    ],
    { tagIds: [tag.id] },
  );
  await keepOriginal("strait", "zh-Hans", "台湾海峡边的渔船", [
    "岸田首相上周表示，台湾海峡的平静对整个地区都很重要，NATO也在关注。",
    "港口小镇的渔民说，他们的渔获已经连续三年减少。",
  ]);
  await publishOriginal("strait");

  // A translation whose original (also about the strait) is kept but not published.
  await reprint("unpublished", "Ferries and weather reports", [
    "Ferry captains read the weather reports twice a day before crossing.",
  ]);
  await keepOriginal("unpublished", "zh-Hans", "渡轮与天气预报", [
    "渡轮船长每天两次查看天气预报，然后才横渡台湾海峡。",
  ]);

  // Our own piece, with a Chinese title and a Japanese word in its own text.
  await published("ownTitle", {
    title: "春天的书店：一条老街的记忆",
    paragraphs: ["A bookshop on an old street keeps a shelf of letters in Japanese: 手紙 from visitors."],
  });

  // A translation of a Japanese original, published beside it: kana terms.
  await reprint("station", "A small station in the morning", [
    "At seven in the morning only three people stood on the platform of the small station.",
  ]);
  await keepOriginal("station", "ja", "小さな駅の朝", [
    "朝の七時、小さな駅のホームには三人しか立っていなかった。",
    "駅員さんは「最近はカメラを持った観光客が少し戻ってきた」とわらった。",
  ]);
  await publishOriginal("station");

  // An original corrected at the source: 岸田 was in revision 1 and is gone from revision 2.
  await reprint("corrected", "A corrected dispatch", ["The dispatch was corrected at the source."]);
  await keepOriginal("corrected", "zh-Hans", "更正的报道", ["岸田的发言被误引了。"]);
  await keepOriginal("corrected", "zh-Hans", "更正的报道", ["首相的发言被误引了。"]);

  // `%` and `_` in the article's own text, and look-alikes a wildcard would match.
  await published("percent", { title: "Polling notes", paragraphs: ["支持率は50%を超えた。"] });
  await published("noPercent", { title: "Polling notes, again", paragraphs: ["支持率は50を超えた。"] });
  await published("underscore", { title: "Code names", paragraphs: ["作戦の名前は北_風だった。"] });
  await published("noUnderscore", { title: "Wind report", paragraphs: ["今日は北東風が強い。"] });

  // Not public: a draft whose original names 岸田 and the strait.
  const draft = await createTestArticle(editor, {
    title: "Draft about the strait",
    kind: "REPRINT",
    sourceId,
    authorizationId,
    paragraphs: ["Unpublished."],
  });
  ids.draft = draft.id;
  await keepOriginal("draft", "zh-Hans", "岸田与台湾海峡（草稿）", ["岸田谈台湾海峡。春天的书店。"]);
});

describe("search in Chinese and Japanese", () => {
  it("finds a two-character Han name that is only in the kept original, and says the original matched", async () => {
    expect(await foundIds("岸田")).toEqual([ids.strait]);
    const hit = await hitFor("岸田", "strait");
    expect(hit.matchedIn).toBe("original");
    expect(hit.original).toMatchObject({ language: "zh-Hans", name: "简体中文" });
    // Published beside the article: the result leads to the original's own page, and quotes it.
    expect(hit.href).toBe(articleVersionPath(slugs.strait, "zh-Hans"));
    expect(hit.original!.path).toBe(articleVersionPath(slugs.strait, "zh-Hans"));
    expect(hit.snippetLanguage).toBe("zh-Hans");
    expect(marked(hit.snippet)).toEqual(["岸田"]);
    expect(text(hit.snippet)).toContain("岸田首相上周表示");
    expect(text(hit.original!.title!)).toBe("台湾海峡边的渔船");
  });

  it("finds a four-character term in two originals; links the unpublished one's hit to the article", async () => {
    const results = await search("台湾海峡");
    // The original title holding the term ranks first, though the other piece is newer.
    expect(results.hits.map((h) => h.article.id)).toEqual([ids.strait, ids.unpublished]);
    expect(results.total).toBe(2);
    const [titled, unpublished] = results.hits as [SearchHit, SearchHit];
    expect(titled.href).toBe(articleVersionPath(slugs.strait, "zh-Hans"));
    expect(marked(titled.original!.title!)).toEqual(["台湾海峡"]);

    expect(unpublished.matchedIn).toBe("original");
    expect(unpublished.href).toBe(articlePath(slugs.unpublished));
    // An original the desk has not published is named, never quoted.
    expect(unpublished.original).toEqual({ language: "zh-Hans", name: "简体中文", path: null, title: null });
    expect(unpublished.snippetLanguage).toBeNull();
    expect(text(unpublished.snippet)).toBe(
      "Ferry captains read the weather reports twice a day before crossing.",
    );
    expect(JSON.stringify(unpublished)).not.toContain("渡轮");
  });

  it("finds a term in the article's own Chinese title, marked, leading to the article", async () => {
    const hit = await hitFor("书店", "ownTitle");
    expect(await foundIds("书店")).toEqual([ids.ownTitle]);
    expect(hit.matchedIn).toBe("article");
    expect(hit.original).toBeNull();
    expect(hit.href).toBe(articlePath(slugs.ownTitle));
    expect(hit.title).toEqual([
      { text: "春天的", mark: false },
      { text: "书店", mark: true },
      { text: "：一条老街的记忆", mark: false },
    ]);
    // A Japanese word in the article's own English text.
    const own = await hitFor("手紙", "ownTitle");
    expect(marked(own.snippet)).toEqual(["手紙"]);
  });

  it("finds Japanese kana and katakana terms in a Japanese original", async () => {
    for (const q of ["わらった", "カメラ", "ホーム"]) {
      expect(await foundIds(q), q).toEqual([ids.station]);
    }
    const hit = await hitFor("カメラ", "station");
    expect(hit.matchedIn).toBe("original");
    expect(hit.original).toMatchObject({ language: "ja", name: "日本語" });
    expect(hit.href).toBe(articleVersionPath(slugs.station, "ja"));
    expect(hit.snippetLanguage).toBe("ja");
    expect(marked(hit.snippet)).toEqual(["カメラ"]);
  });

  it("reads the latest revision of the original only", async () => {
    expect(await foundIds("岸田")).not.toContain(ids.corrected);
    expect(await foundIds("首相的发言")).toEqual([ids.corrected]);
  });

  it("never finds an article that is not public", async () => {
    for (const q of ["岸田", "台湾海峡", "草稿", "春天的书店"]) {
      expect(await foundIds(q), q).not.toContain(ids.draft);
    }
    expect((await search("草稿")).total).toBe(0);
  });

  it("takes % and _ in the query literally", async () => {
    expect(await foundIds("50%を")).toEqual([ids.percent]);
    expect(await foundIds("北_風")).toEqual([ids.underscore]);
    expect(await foundIds("北%風")).toEqual([]);
  });

  it("needs every term, each in the article or its original; says when both matched", async () => {
    expect(await foundIds("岸田 渔民")).toEqual([ids.strait]);
    expect(await foundIds("岸田 渡轮")).toEqual([]);
    // A Latin word in a mixed query: found in the English text (through the search vector, so
    // other forms of the word match too), with 岸田 in the original.
    const mixed = await hitFor("岸田 fishermen", "strait");
    expect(mixed.matchedIn).toBe("both");
    expect(mixed.href).toBe(articlePath(slugs.strait));
    expect(await foundIds("岸田 catches")).toEqual([ids.strait]);
    expect(await foundIds("岸田 volcano")).toEqual([]);
    // A Latin word only the original has, in another case: both terms in the original.
    const latin = await hitFor("岸田 nato", "strait");
    expect(latin.matchedIn).toBe("original");
    expect(marked(latin.snippet)).toEqual(["岸田", "NATO"]);
    // CJK punctuation and brackets separate terms.
    expect(await foundIds("「岸田」、渔民")).toEqual([ids.strait]);
  });

  it("leaves out what a term with a minus before it finds, in the article or its original", async () => {
    const found = async (query: string) => (await foundIds(query)).sort();
    expect(await found("台湾海峡")).toEqual([ids.strait, ids.unpublished].sort());
    expect(await found("台湾海峡 -渡轮")).toEqual([ids.strait]);
    expect(await found("台湾海峡 -渔船")).toEqual([ids.unpublished]);
    // A Latin word left out: its other forms too, in the English text.
    expect(await found("台湾海峡 -catches")).toEqual([ids.unpublished]);
    // Articles without a kept original: the one that has the term goes, the other stays.
    expect(await found("支持率 -50%を")).toEqual([ids.noPercent]);
    // Nothing asked for but what to leave out finds nothing, as before.
    expect(await found("-渡轮")).toEqual([]);
  });

  it("lets OR between two terms make either do, in the article or its original", async () => {
    const found = async (query: string) => (await foundIds(query)).sort();
    expect(await found("渡轮 OR 渔船")).toEqual([ids.strait, ids.unpublished].sort());
    expect(await found("台湾海峡 渡轮 OR 渔船")).toEqual([ids.strait, ids.unpublished].sort());
    expect(await found("岸田 渡轮 OR 渔船")).toEqual([ids.strait]);
    // Two-character terms, one in an original, one in the article's own text.
    expect(await found("渔民 OR 手紙")).toEqual([ids.ownTitle, ids.strait].sort());
    // With a Latin word beside it, found in the English text through the search vector.
    expect(await found("渡轮 OR catches")).toEqual([ids.strait, ids.unpublished].sort());
    expect(await found("渡轮 OR volcano")).toEqual([ids.unpublished]);
    // Each marked where it is found.
    const hit = await hitFor("渡轮 OR 渔船", "strait");
    expect(marked(hit.original!.title!)).toEqual(["渔船"]);
  });

  it("keeps the tag and source filters", async () => {
    expect((await search("台湾海峡", { tag: tagSlug })).hits.map((h) => h.article.id)).toEqual([ids.strait]);
    expect(
      (await search("台湾海峡", { source: "harbour-letters-cjk-test" })).hits.map((h) => h.article.id),
    ).toEqual([ids.strait, ids.unpublished]);
    expect((await search("书店", { source: "harbour-letters-cjk-test" })).total).toBe(0);
  });

  it("pages in a stable order with an exact count, and clamps pages past the end", async () => {
    const first = await search("台湾海峡", { pageSize: 1 });
    const second = await search("台湾海峡", { pageSize: 1, page: 2 });
    expect(first).toMatchObject({ total: 2, totalPages: 2, page: 1, capped: false });
    expect(second).toMatchObject({ total: 2, totalPages: 2, page: 2 });
    expect([...first.hits, ...second.hits].map((h) => h.article.id)).toEqual([ids.strait, ids.unpublished]);
    const past = await search("台湾海峡", { pageSize: 1, page: 50 });
    expect(past.page).toBe(2);
    expect(past.hits.map((h) => h.article.id)).toEqual([ids.unpublished]);
  });

  it("finds nothing, without failing, for a term nobody wrote", async () => {
    expect(await search("不存在的词语")).toMatchObject({ total: 0, hits: [], noSearchableWords: false });
  });
});
