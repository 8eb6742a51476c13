// The search form's filter lists: the most used tags and sources, and the chosen one always.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SearchForm } from "@/components/search/search-form";

const tags = Array.from({ length: 300 }, (_, i) => ({
  name: `Tag ${i}`,
  slug: `tag-${i}`,
  kind: "TOPIC" as const,
  count: 300 - i,
}));
const sources = Array.from({ length: 60 }, (_, i) => ({
  name: `Source ${i}`,
  slug: `source-${i}`,
  count: 60 - i,
}));

function options(html: string, select: string): string[] {
  const list = new RegExp(`<select name="${select}"[^>]*>(.*?)</select>`).exec(html)![1]!;
  return [...list.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1]!).filter(Boolean);
}

describe("SearchForm", () => {
  it("offers the 40 most used of each, not hundreds", () => {
    const html = renderToStaticMarkup(createElement(SearchForm, { query: "Taiwan", tags, sources }));
    expect(options(html, "tag")).toEqual(tags.slice(0, 40).map((t) => t.slug));
    expect(options(html, "source")).toEqual(sources.slice(0, 40).map((s) => s.slug));
  });

  it("keeps a chosen filter from further down the list, under its name, selected", () => {
    const html = renderToStaticMarkup(
      createElement(SearchForm, { query: "", tag: "tag-250", source: "source-55", tags, sources }),
    );
    expect(options(html, "tag")).toHaveLength(41);
    expect(html).toContain('<option value="tag-250" selected="">Tag 250</option>');
    expect(html).toContain('<option value="source-55" selected="">Source 55</option>');
  });
});
