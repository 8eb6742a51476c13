// A reprint's attribution and the meta line above an article, as readers and the staff preview
// see them: each part said once, no claim of authorization without one, no stray separators.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ArticleView } from "@/components/article/article-view";
import { Attribution } from "@/components/article/attribution";
import type { ArticleView as ArticleViewData } from "@/lib/articles/public-articles";

const source = { name: "Bu Yidao", slug: "bu-yidao", kind: "WECHAT_ACCOUNT" as const, url: null };
const grant = {
  attributionRequired: true,
  attributionText: "Source: WeChat official account Bu Yidao. Reprinted with authorization.",
  linkBackRequired: false,
  canonicalToOriginal: false,
};
const reprint = {
  source,
  authorization: grant,
  isTranslation: true,
  isModified: false,
  originalUrl: null,
  originalTitle: null,
};

const text = (html: string) => html.replace(/<[^>]+>/g, "");
const count = (haystack: string, needle: RegExp) => haystack.match(needle)?.length ?? 0;

describe("a reprint's attribution", () => {
  it("names the source once when the required wording already does, with the name linked", () => {
    const html = renderToStaticMarkup(createElement(Attribution, { article: reprint }));
    expect(count(text(html), /Source: WeChat official account Bu Yidao/g)).toBe(1);
    expect(count(text(html), /reprinted with authorization/gi)).toBe(1);
    expect(html).toContain('<a href="/sources/bu-yidao">Bu Yidao</a>');
    expect(text(html)).toContain("Translated.");
  });

  it("adds the source line and the claim when the wording names neither", () => {
    const html = renderToStaticMarkup(
      createElement(Attribution, {
        article: { ...reprint, authorization: { ...grant, attributionText: "By kind permission." } },
      }),
    );
    expect(text(html)).toContain("Source: WeChat official account Bu Yidao");
    expect(text(html)).toContain("By kind permission.");
    expect(count(text(html), /reprinted with authorization/gi)).toBe(1);
  });

  it("says the day the original was published, as a calendar day in any time zone", () => {
    const html = renderToStaticMarkup(
      createElement(Attribution, {
        article: { ...reprint, originalPublishedAt: new Date("2022-07-08T00:00:00Z") },
      }),
    );
    expect(text(html)).toContain("Originally published 8 July 2022.");
    expect(html).toContain('<time dateTime="2022-07-08">');
    const without = renderToStaticMarkup(createElement(Attribution, { article: reprint }));
    expect(text(without)).not.toContain("Originally published");
  });

  it("claims no authorization for a reprint that has none (the staff preview)", () => {
    const html = renderToStaticMarkup(
      createElement(Attribution, { article: { ...reprint, authorization: null } }),
    );
    expect(text(html)).not.toMatch(/reprinted with authorization/i);
    expect(text(html)).toContain("no authorization recorded: this reprint cannot be published");
  });
});

describe("the meta line above an article", () => {
  it("starts with no separator when the article has no byline", () => {
    const article = {
      ...reprint,
      kind: "ORIGINAL",
      title: "Unsigned",
      bylines: [],
      tags: [],
      publishedAt: new Date("2026-12-01T08:00:00Z"),
      bodyText: "A few words.",
      body: {
        type: "doc",
        content: [{ type: "paragraph", content: [{ type: "text", text: "A few words." }] }],
      },
    } as unknown as ArticleViewData;
    const html = renderToStaticMarkup(createElement(ArticleView, { article }));
    const meta = text(/<p class="meta">(.*?)<\/p>/.exec(html)![1]!);
    expect(meta).toMatch(/^\S/);
    expect(meta.startsWith("·")).toBe(false);
    expect(meta).toMatch(/ · 1 min read$/);
  });
});
