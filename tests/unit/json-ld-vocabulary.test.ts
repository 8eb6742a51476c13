// The JSON-LD builders are typed against schema.org's vocabulary (schema-dts), so `npm test`'s type
// check refuses a property schema.org does not define for a type, or a value of the wrong kind.
// This file shows the check biting: each @ts-expect-error fails the type check if it stops
// refusing.
import { describe, expect, it } from "vitest";
import type { OpinionNewsArticle, WithContext } from "schema-dts";
import { newsArticleJsonLd, originalVersionJsonLd, type JsonLdSite } from "@/lib/seo/json-ld";

const SITE = "https://crosscurrent.example";
const PUBLISHER: JsonLdSite = { name: "Crosscurrent", language: "en", logo: null };

describe("JSON-LD against schema.org's vocabulary", () => {
  it("builds articles and originals as schema.org OpinionNewsArticles", () => {
    const article: WithContext<OpinionNewsArticle> = newsArticleJsonLd(
      {
        slug: "night-bus",
        title: "The night bus",
        publishedAt: new Date("2026-05-01T08:00:00Z"),
        kind: "ORIGINAL",
        source: null,
        bylines: [],
      },
      SITE,
      PUBLISHER,
    );
    const original: WithContext<OpinionNewsArticle> = originalVersionJsonLd(
      {
        original: {
          path: "/zh-Hans/articles/night-bus",
          title: "夜班公交",
          language: "zh-Hans",
          authorLine: "",
          url: null,
        },
        translation: { path: "/articles/night-bus", title: "The night bus", language: "en" },
        publishedAt: null,
        source: { name: "River Notes", slug: "river-notes" },
        bylines: [],
      },
      SITE,
      PUBLISHER,
    );
    expect([article["@type"], original["@type"]]).toEqual(["OpinionNewsArticle", "OpinionNewsArticle"]);

    // @ts-expect-error -- schema.org has no "translater": the vocabulary refuses a misspelt property.
    const misspelt: WithContext<OpinionNewsArticle> = { ...article, translater: [] };
    // @ts-expect-error -- a work's translation is a CreativeWork or its @id, never a number.
    const wrongKind: WithContext<OpinionNewsArticle> = { ...article, workTranslation: 42 };
    expect(misspelt).toBeDefined();
    expect(wrongKind).toBeDefined();
  });
});
