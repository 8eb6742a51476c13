// Cards show an article's featured image when it has one: sized, lazy, with its alternative text.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ArticleCard } from "@/components/article/article-card";
import type { ArticleCard as ArticleCardData } from "@/lib/articles/public-articles";

const base: ArticleCardData = {
  id: "a1",
  slug: "harbour-talks",
  title: "Harbour talks resume",
  excerpt: "The talks resume.",
  publishedAt: new Date("2026-05-01T08:00:00Z"),
  kind: "ORIGINAL",
  source: null,
  featuredImageAlt: null,
  featuredImage: null,
  bylines: [],
  tags: [],
};

const image = {
  storageKey: "media/2026/05/harbour.jpg",
  width: 1600,
  height: 900,
  alt: "Cranes over the harbour at dusk",
  variants: [
    { width: 480, height: 270, storageKey: "media/2026/05/harbour-480.webp", contentType: "image/webp" },
    { width: 960, height: 540, storageKey: "media/2026/05/harbour-960.webp", contentType: "image/webp" },
  ],
};

describe("ArticleCard", () => {
  it("shows the featured image, sized and lazy, with its alternative text and variants", () => {
    const html = renderToStaticMarkup(
      createElement(ArticleCard, { article: { ...base, featuredImage: image } }),
    );
    const img = /<img [^>]*>/.exec(html)?.[0] ?? "";
    expect(img).toContain('src="/media/2026/05/harbour.jpg"');
    expect(img).toContain(
      'srcSet="/media/2026/05/harbour-480.webp 480w, /media/2026/05/harbour-960.webp 960w"',
    );
    expect(img).toContain('width="1600"');
    expect(img).toContain('height="900"');
    expect(img).toContain('loading="lazy"');
    expect(img).toContain('alt="Cranes over the harbour at dusk"');
    expect(img).toContain("sizes=");
  });

  it("prefers the article's own alternative text, and shows no image when there is none", () => {
    const own = renderToStaticMarkup(
      createElement(ArticleCard, {
        article: { ...base, featuredImage: image, featuredImageAlt: "Talks at the harbour office" },
      }),
    );
    expect(own).toContain('alt="Talks at the harbour office"');
    expect(renderToStaticMarkup(createElement(ArticleCard, { article: base }))).not.toContain("<img");
  });
});
