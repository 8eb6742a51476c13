// One article URL helper: every card, feed, sitemap entry and API link builds the address with
// `articlePath`, and the proxy reads it back with `slugFromArticlePath`.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ArticleCard } from "@/components/article/article-card";
import { SearchResult } from "@/components/search/search-result";
import { articlePath, slugFromArticlePath } from "@/lib/articles/paths";
import type { ArticleCard as ArticleCardData } from "@/lib/articles/public-articles";

describe("articlePath", () => {
  it("percent-encodes CJK and reserved characters as one path segment", () => {
    const slug = "台海局势-50%/off?#a&b";
    const path = articlePath(slug);
    expect(path).toBe("/articles/%E5%8F%B0%E6%B5%B7%E5%B1%80%E5%8A%BF-50%25%2Foff%3F%23a%26b");
    const url = new URL(path, "https://crosscurrent.example");
    expect(url.pathname).toBe(path); // no query or fragment split off, one segment
    expect(url.search).toBe("");
    expect(url.hash).toBe("");
    expect(slugFromArticlePath(url.pathname)).toBe(slug);
  });

  it("leaves a plain slug as it is", () => {
    expect(articlePath("kishida-weighs-nato")).toBe("/articles/kishida-weighs-nato");
  });
});

describe("slugFromArticlePath", () => {
  it("reads the slug of an article URL, with or without a trailing slash", () => {
    expect(slugFromArticlePath("/articles/%E5%8F%B0%E6%B5%B7")).toBe("台海");
    expect(slugFromArticlePath("/articles/plain/")).toBe("plain");
  });

  it("answers null for other paths and malformed escapes", () => {
    expect(slugFromArticlePath("/articles/")).toBeNull();
    expect(slugFromArticlePath("/articles/a/b")).toBeNull();
    expect(slugFromArticlePath("/tags/a")).toBeNull();
    expect(slugFromArticlePath("/articles/%E0%A4%A")).toBeNull();
  });
});

describe("article links in cards and search results", () => {
  const article: ArticleCardData = {
    id: "a1",
    slug: "台海/局势?#1",
    title: "台海局势",
    excerpt: "",
    publishedAt: new Date("2026-05-01T08:00:00Z"),
    kind: "ORIGINAL",
    source: null,
    featuredImageAlt: null,
    featuredImage: null,
    bylines: [],
    tags: [],
  };
  const href = `href="${articlePath(article.slug)}"`;

  it("are built with articlePath, encoded", () => {
    expect(href).toBe('href="/articles/%E5%8F%B0%E6%B5%B7%2F%E5%B1%80%E5%8A%BF%3F%231"');
    expect(renderToStaticMarkup(createElement(ArticleCard, { article }))).toContain(href);
    const hit = {
      article,
      href: articlePath(article.slug),
      title: [{ text: article.title, mark: false }],
      snippet: [],
      snippetLanguage: null,
      matchedIn: "article" as const,
      original: null,
    };
    expect(renderToStaticMarkup(createElement(SearchResult, { hit }))).toContain(href);
  });
});
