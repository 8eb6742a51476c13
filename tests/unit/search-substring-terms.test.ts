// The pure part of search in Chinese, Japanese and Korean (lib/search/substring-terms.ts): which
// queries take the substring path, their terms and LIKE patterns, and the marked title and snippet,
// cut on character boundaries; and how a result says which language version matched.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SearchResult } from "@/components/search/search-result";
import type { ArticleCard } from "@/lib/articles/public-articles";
import { MARK_START, MARK_STOP, splitHighlights } from "@/lib/search/highlight";
import type { SearchHit } from "@/lib/search/search-articles";
import {
  askedTerms,
  containsPattern,
  hasCjk,
  leadingGroup,
  markTerms,
  MAX_SUBSTRING_TERMS,
  openingPassage,
  SNIPPET_LENGTH,
  substringSnippet,
  substringQuery,
} from "@/lib/search/substring-terms";

const marks = (headline: string) =>
  splitHighlights(headline)
    .filter((s) => s.mark)
    .map((s) => s.text);
const plainText = (headline: string) => headline.replaceAll(MARK_START, "").replaceAll(MARK_STOP, "");

describe("which queries are matched as substrings", () => {
  it("those with Han, Hiragana, Katakana or Hangul in them", () => {
    for (const q of ["岸田", "台湾海峡", "ひらがな", "カタカナ", "한국어", "Kishida 岸田"])
      expect(hasCjk(q), q).toBe(true);
    for (const q of ["Taiwan", "Kishida", "café", "Δελφοί", "100%", ""]) expect(hasCjk(q), q).toBe(false);
  });
});

const substringTerms = (query: string) => askedTerms(substringQuery(query));

describe("substringQuery", () => {
  it("splits at spaces, the ideographic space, CJK punctuation, brackets and double quotes", () => {
    expect(substringTerms("岸田 台湾海峡")).toEqual(["岸田", "台湾海峡"]);
    expect(substringTerms("岸田\u3000台湾")).toEqual(["岸田", "台湾"]);
    expect(substringTerms("「岸田」、台湾。")).toEqual(["岸田", "台湾"]);
    expect(substringTerms('"台湾海峡" NATO')).toEqual(["台湾海峡", "NATO"]);
    expect(substringTerms("岸田！（台湾）")).toEqual(["岸田", "台湾"]);
  });

  it("keeps each term once, compared without case, and at most a dozen", () => {
    expect(substringTerms("岸田 nato NATO 岸田")).toEqual(["岸田", "nato"]);
    const many = Array.from({ length: 30 }, (_, i) => `語${i}`).join(" ");
    expect(substringTerms(many)).toHaveLength(MAX_SUBSTRING_TERMS);
  });

  it("keeps % and _ as part of a term", () => {
    expect(substringTerms("50%を 北_風")).toEqual(["50%を", "北_風"]);
  });

  it("takes a term with a minus before it as one to leave out, as the text search does", () => {
    expect(substringQuery("日本 -安倍 岸田")).toEqual({ groups: [["日本"], ["岸田"]], excluded: ["安倍"] });
    expect(substringQuery("「日本」 -NATO")).toEqual({ groups: [["日本"]], excluded: ["NATO"] });
    // A minus inside a term is part of it; one standing alone is a dash between words.
    expect(substringQuery("日米-中国 - 台湾")).toEqual({ groups: [["日米-中国"], ["台湾"]], excluded: [] });
    expect(substringQuery("-安倍")).toEqual({ groups: [], excluded: ["安倍"] });
    // A term asked for and left out at once is asked for: the first one counts.
    expect(substringQuery("台湾 -台湾")).toEqual({ groups: [["台湾"]], excluded: [] });
  });

  it("lets OR between two terms make either do, as the text search does", () => {
    expect(substringQuery("台湾 OR 日本 岸田")).toEqual({
      groups: [["台湾", "日本"], ["岸田"]],
      excluded: [],
    });
    expect(substringQuery("台湾 or 日本 OR 韓国")).toEqual({
      groups: [["台湾", "日本", "韓国"]],
      excluded: [],
    });
    // OR with nothing on one side, or before a left-out term, joins nothing.
    expect(substringQuery("OR 台湾 OR")).toEqual({ groups: [["台湾"]], excluded: [] });
    expect(substringQuery("台湾 OR -日本 岸田")).toEqual({
      groups: [["台湾"], ["岸田"]],
      excluded: ["日本"],
    });
    // OR inside a term is part of it.
    expect(substringQuery("ORDER 台湾")).toEqual({ groups: [["ORDER"], ["台湾"]], excluded: [] });
  });
});

describe("containsPattern", () => {
  it("escapes %, _ and the escape character itself", () => {
    expect(containsPattern("岸田")).toBe("%岸田%");
    expect(containsPattern("50%を")).toBe("%50\\%を%");
    expect(containsPattern("北_風")).toBe("%北\\_風%");
    expect(containsPattern("a\\b")).toBe("%a\\\\b%");
  });
});

describe("leadingGroup", () => {
  it("is the group of CJK terms whose shortest term is longest, counted in characters", () => {
    expect(leadingGroup([["岸田"], ["台湾海峡"], ["international"]])).toEqual(["台湾海峡"]);
    expect(leadingGroup([["NATO"], ["岸田"]])).toEqual(["岸田"]);
    expect(leadingGroup([["台湾海峡", "日本"], ["岸田首相"]])).toEqual(["岸田首相"]);
    expect(leadingGroup([["台湾海峡", "日本国"], ["岸田"]])).toEqual(["台湾海峡", "日本国"]);
    // A group with a Latin word in it cannot lead: the word also matches its other forms.
    expect(leadingGroup([["台湾海峡", "NATO"], ["岸田"]])).toEqual(["岸田"]);
    expect(leadingGroup([["NATO"]])).toBeUndefined();
  });
});

describe("markTerms", () => {
  it("marks every occurrence of every term, longest first, without case", () => {
    expect(marks(markTerms("岸田说，台湾海峡与台湾。", ["台湾", "台湾海峡", "岸田"]))).toEqual([
      "岸田",
      "台湾海峡",
      "台湾",
    ]);
    expect(marks(markTerms("Nato and NATO", ["nato"]))).toEqual(["Nato", "NATO"]);
  });

  it("takes regular-expression characters in a term literally", () => {
    expect(marks(markTerms("a.b (c) a+b 北_風", ["a.b", "(c)", "a+b", "北_風"]))).toEqual([
      "a.b",
      "(c)",
      "a+b",
      "北_風",
    ]);
    expect(marks(markTerms("axb", ["a.b"]))).toEqual([]);
  });

  it("drops highlight markers the text itself held", () => {
    expect(markTerms(`x${MARK_START}岸田${MARK_STOP}`, [])).toBe("x岸田");
    expect(marks(markTerms(`${MARK_STOP}岸${MARK_START}田`, ["岸田"]))).toEqual(["岸田"]);
  });
});

describe("substringSnippet", () => {
  const long =
    "前文。".repeat(100) + "这是一段很长的文字，其中提到了岸田首相的讲话，" + "后文继续。".repeat(100);

  it("is a passage around the first match, the term marked, cut on both sides", () => {
    const snippet = substringSnippet(long, ["岸田"])!;
    expect(marks(snippet)).toEqual(["岸田"]);
    // Starts at the sentence the match is in, so no "…" before it.
    expect(plainText(snippet).startsWith("这是一段很长的文字")).toBe(true);
    expect(plainText(snippet).endsWith(" …")).toBe(true);
    expect(Array.from(plainText(snippet).replace(/ …$/, ""))).toHaveLength(SNIPPET_LENGTH);
  });

  it("starts with … when cut inside a long sentence", () => {
    const sentence = "一".repeat(200) + "岸田" + "二".repeat(200);
    const snippet = plainText(substringSnippet(sentence, ["岸田"])!);
    expect(snippet.startsWith("… ")).toBe(true);
    expect(snippet).toContain("一".repeat(40) + "岸田");
    expect(snippet).not.toContain("一".repeat(41));
  });

  it("never cuts a character in two: marks, surrogate pairs and emoji sequences stay whole", () => {
    // Three code units each before the match, eight after: the margins the snippet is cut from
    // fall inside them, and the cut characters are left out whole.
    const accented = "e\u0301\u0302";
    const family = "👨‍👩‍👧";
    const text = accented.repeat(300) + "岸田" + family.repeat(400);
    const snippet = plainText(substringSnippet(text, ["岸田"])!);
    expect(snippet.toWellFormed()).toBe(snippet);
    const body = snippet.replace(/^… /, "").replace(/ …$/, "");
    expect(body).toBe(accented.repeat(40) + "岸田" + family.repeat(SNIPPET_LENGTH - 42));
    expect(plainText(substringSnippet("𠮷".repeat(300) + "岸田", ["岸田"])!)).toBe(
      `… ${"𠮷".repeat(40)}岸田`,
    );
    // Characters so long that the margin holds fewer than SNIPPET_BEFORE of them: the one the
    // margin cuts is left out, not shown as stray marks.
    const stacked = "a" + "\u0301".repeat(20);
    expect(plainText(substringSnippet(stacked.repeat(100) + "岸田", ["岸田"])!)).toBe(
      `… ${stacked.repeat(30)}岸田`,
    );
  });

  it("reads line breaks as spaces, keeps a short text whole, and is null without a match", () => {
    expect(plainText(substringSnippet("第一段。\n岸田在第二段。", ["岸田"])!)).toBe("岸田在第二段。");
    expect(plainText(substringSnippet("短文里有岸田。", ["岸田"])!)).toBe("短文里有岸田。");
    expect(substringSnippet("没有", ["岸田"])).toBeNull();
    expect(substringSnippet("岸田", [])).toBeNull();
  });
});

describe("openingPassage", () => {
  it("is the text's opening, cut on a character boundary, with … when cut", () => {
    expect(openingPassage("A short excerpt.")).toBe("A short excerpt.");
    const cut = openingPassage("𠮷".repeat(400));
    expect(cut).toBe("𠮷".repeat(SNIPPET_LENGTH) + " …");
  });
});

describe("a result says which language version matched", () => {
  const article: ArticleCard = {
    id: "a1",
    slug: "fishing-boats",
    title: "Fishing boats at the edge of the strait",
    excerpt: "",
    publishedAt: new Date("2026-01-01T09:00:00Z"),
    kind: "REPRINT",
    source: null,
    featuredImageAlt: null,
    featuredImage: null,
    bylines: [],
    tags: [],
  };
  const hit = (over: Partial<SearchHit>): SearchHit => ({
    article,
    href: "/articles/fishing-boats",
    title: [{ text: article.title, mark: false }],
    snippet: [],
    snippetLanguage: null,
    matchedIn: "article",
    original: null,
    ...over,
  });
  const render = (h: SearchHit) => renderToStaticMarkup(createElement(SearchResult, { hit: h }));

  it("names the original, in its own language, and links its published page", () => {
    const html = render(
      hit({
        matchedIn: "original",
        href: "/zh-Hans/articles/fishing-boats",
        snippet: splitHighlights(`${MARK_START}岸田${MARK_STOP}首相上周表示`),
        snippetLanguage: "zh-Hans",
        original: {
          language: "zh-Hans",
          name: "简体中文",
          path: "/zh-Hans/articles/fishing-boats",
          title: [{ text: "台湾海峡边的渔船", mark: false }],
        },
      }),
    );
    expect(html).toContain('<a href="/zh-Hans/articles/fishing-boats">Fishing boats');
    expect(html).toContain('Matched in the original (<span lang="zh-Hans">简体中文</span>)');
    expect(html).toContain('hrefLang="zh-Hans"');
    expect(html).toContain("台湾海峡边的渔船</a>");
    expect(html).toMatch(/<p class="[^"]*" lang="zh-Hans"><mark>岸田<\/mark>首相上周表示<\/p>/);
  });

  it("names an unpublished original without linking or quoting it", () => {
    const html = render(
      hit({
        matchedIn: "original",
        original: { language: "ja", name: "日本語", path: null, title: null },
      }),
    );
    expect(html).toContain('<a href="/articles/fishing-boats">');
    expect(html).toContain('Matched in the original (<span lang="ja">日本語</span>)</p>');
    expect(html).not.toContain("/ja/articles");
  });

  it("says nothing more for a match in the article alone, and says both when both matched", () => {
    expect(render(hit({}))).not.toContain("Matched in");
    expect(
      render(
        hit({ matchedIn: "both", original: { language: "ja", name: "日本語", path: null, title: null } }),
      ),
    ).toContain("Matched in this article and in the original");
  });
});
