// The canonical URL of an article: the original's, only when the reprint's terms ask for it.
import { describe, expect, it } from "vitest";
import { articleCanonical } from "@/lib/seo/urls";

const ORIGINAL = "https://mp.weixin.qq.com/s/original-piece";

describe("articleCanonical", () => {
  it("points at the original when the authorization asks for it", () => {
    const article = {
      slug: "台海局势",
      originalUrl: ORIGINAL,
      isTranslation: false,
      authorization: { canonicalToOriginal: true },
    };
    expect(articleCanonical(article)).toBe(ORIGINAL);
  });

  it("keeps a translation's canonical on its own page: never a page in another language", () => {
    const article = {
      slug: "x",
      originalUrl: ORIGINAL,
      isTranslation: true,
      authorization: { canonicalToOriginal: true },
    };
    expect(articleCanonical(article)).toBe("/articles/x");
  });

  it("stays on our own page otherwise", () => {
    const slug = "台海局势";
    const own = `/articles/${encodeURIComponent(slug)}`;
    expect(
      articleCanonical({
        slug,
        isTranslation: false,
        originalUrl: ORIGINAL,
        authorization: { canonicalToOriginal: false },
      }),
    ).toBe(own);
    expect(articleCanonical({ slug, isTranslation: false, originalUrl: ORIGINAL, authorization: null })).toBe(
      own,
    );
    expect(
      articleCanonical({
        slug,
        isTranslation: false,
        originalUrl: null,
        authorization: { canonicalToOriginal: true },
      }),
    ).toBe(own);
  });

  it("never puts a non-web address in the canonical link", () => {
    const article = {
      slug: "x",
      originalUrl: "javascript:alert(1)",
      isTranslation: false,
      authorization: { canonicalToOriginal: true },
    };
    expect(articleCanonical(article)).toBe("/articles/x");
  });
});
