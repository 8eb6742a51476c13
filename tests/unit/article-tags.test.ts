// The article page's tags: one labelled group per kind present (Topics, People, Places,
// Organizations, in that order), each tag in the order the editor gave it.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ArticleTags, groupTagsByKind } from "@/components/article/article-tags";
import type { TagKind } from "@/lib/generated/prisma/enums";

const tag = (name: string, slug: string, kind: TagKind) => ({ tag: { name, slug, kind } });

const TAGS = [
  tag("Taiwan Strait", "taiwan-strait", "PLACE"),
  tag("Kishida Fumio", "kishida-fumio", "PERSON"),
  tag("Diplomacy", "diplomacy", "TOPIC"),
  tag("钓鱼岛", "钓鱼岛", "PLACE"),
  tag("Security", "security", "TOPIC"),
];

describe("groupTagsByKind", () => {
  it("makes one group per kind present, in the kinds' order, keeping the tags' order", () => {
    expect(groupTagsByKind(TAGS).map((g) => [g.label, g.tags.map((t) => t.name)])).toEqual([
      ["Topics", ["Diplomacy", "Security"]],
      ["People", ["Kishida Fumio"]],
      ["Places", ["Taiwan Strait", "钓鱼岛"]],
    ]);
  });

  it("makes no groups for no tags", () => {
    expect(groupTagsByKind([])).toEqual([]);
  });
});

describe("<ArticleTags>", () => {
  it("labels each group and links each tag to its archive, CJK slugs encoded", () => {
    const html = renderToStaticMarkup(createElement(ArticleTags, { tags: TAGS }));
    expect(html).toContain('aria-label="Tags"');
    expect(html).toMatch(/id="tags-topic"[^>]*>Topics<\/h2><ul[^>]*aria-labelledby="tags-topic"/);
    expect(html).toContain(">People</h2>");
    expect(html).toContain(">Places</h2>");
    expect(html).not.toContain("Organizations");
    expect(html).toContain('href="/tags/%E9%92%93%E9%B1%BC%E5%B2%9B"');
    expect(html).toContain(">钓鱼岛</a>");
  });

  it("renders nothing without tags", () => {
    expect(renderToStaticMarkup(createElement(ArticleTags, { tags: [] }))).toBe("");
  });
});
