// JSON-LD builders: every author and translator named, reprints based on their original and
// owned by their source, tags sorted into about/mentions/keywords by kind, the site search box.
import { describe, expect, it } from "vitest";
import {
  breadcrumbJsonLd,
  newsArticleJsonLd,
  websiteJsonLd,
  type JsonLdArticleInput,
  type JsonLdSite,
} from "@/lib/seo/json-ld";

const SITE = "https://crosscurrent.example";
const PUBLISHER: JsonLdSite = { name: "Crosscurrent", language: "en", logo: null };

function article(overrides: Partial<JsonLdArticleInput> = {}): JsonLdArticleInput {
  return {
    slug: "strait-talk",
    title: "Strait talk",
    excerpt: "Why the strait matters.",
    publishedAt: new Date("2026-05-01T08:00:00Z"),
    updatedAt: new Date("2026-05-02T09:30:00Z"),
    kind: "ORIGINAL",
    source: null,
    originalUrl: null,
    authorization: null,
    bylines: [],
    tags: [],
    ...overrides,
  };
}

const reprint = () =>
  article({
    kind: "REPRINT",
    source: { name: "Bu Yidao", slug: "bu-yidao", kind: "WECHAT_ACCOUNT", url: "https://mp.example/buyidao" },
    originalUrl: "https://mp.example/s/abc",
    originalTitle: "台海局势",
    originalLanguage: "zh-Hans",
    isTranslation: true,
    authorization: { attributionText: "Reprinted with permission of Bu Yidao." },
    bylines: [
      { role: "AUTHOR", person: { name: "Tiger Knife", slug: "tiger-knife" } },
      { role: "AUTHOR", person: { name: "Sister Daodao", slug: "sister-daodao" } },
      { role: "TRANSLATOR", person: { name: "Ann Lee", slug: "ann-lee" } },
    ],
  });

describe("newsArticleJsonLd", () => {
  it("is an OpinionNewsArticle with headline, dates, url and publisher", () => {
    const ld = newsArticleJsonLd(article(), SITE, PUBLISHER);
    expect(ld).toMatchObject({
      "@context": "https://schema.org",
      "@type": "OpinionNewsArticle",
      headline: "Strait talk",
      description: "Why the strait matters.",
      datePublished: "2026-05-01T08:00:00.000Z",
      dateModified: "2026-05-02T09:30:00.000Z",
      url: `${SITE}/articles/strait-talk`,
      mainEntityOfPage: { "@type": "WebPage", "@id": `${SITE}/articles/strait-talk` },
      publisher: { "@type": "Organization", name: "Crosscurrent", url: `${SITE}/` },
    });
  });

  it("names every author as a Person with their archive page, in byline order", () => {
    const ld = newsArticleJsonLd(reprint(), SITE, PUBLISHER);
    expect(ld.author).toEqual([
      { "@type": "Person", name: "Tiger Knife", url: `${SITE}/authors/tiger-knife` },
      { "@type": "Person", name: "Sister Daodao", url: `${SITE}/authors/sister-daodao` },
    ]);
  });

  it("names translators as schema.org translator, never as authors", () => {
    const ld = newsArticleJsonLd(reprint(), SITE, PUBLISHER);
    expect(ld.translator).toEqual([{ "@type": "Person", name: "Ann Lee", url: `${SITE}/authors/ann-lee` }]);
    expect(JSON.stringify(ld.author)).not.toContain("Ann Lee");
  });

  it("bases a reprint on its original, owned by its source, under its attribution terms", () => {
    const ld = newsArticleJsonLd(reprint(), SITE, PUBLISHER);
    expect(ld.isBasedOn).toBe("https://mp.example/s/abc");
    expect(ld.copyrightHolder).toEqual({
      "@type": "Organization",
      name: "Bu Yidao",
      url: "https://mp.example/buyidao",
    });
    expect(ld.usageInfo).toBe("Reprinted with permission of Bu Yidao.");
    expect(ld.copyrightNotice).toBe("Reprinted with permission of Bu Yidao.");
    expect(ld.translationOfWork).toEqual({
      "@type": "CreativeWork",
      url: "https://mp.example/s/abc",
      name: "台海局势",
      inLanguage: "zh-Hans",
    });
  });

  it("falls back to the source's URL, then to its page here, and to a default attribution line", () => {
    const noOriginal = newsArticleJsonLd(
      { ...reprint(), originalUrl: null, authorization: null },
      SITE,
      PUBLISHER,
    );
    expect(noOriginal.isBasedOn).toBe("https://mp.example/buyidao");
    expect(noOriginal.usageInfo).toBe("Reprinted with the authorization of Bu Yidao.");

    const bare = newsArticleJsonLd(
      {
        ...reprint(),
        originalUrl: null,
        source: { name: "Ink", slug: "ink", kind: "INDIVIDUAL", url: null },
      },
      SITE,
      PUBLISHER,
    );
    expect(bare.isBasedOn).toEqual({
      "@type": "CreativeWork",
      name: "台海局势",
      inLanguage: "zh-Hans",
      author: [
        { "@type": "Person", name: "Tiger Knife", url: `${SITE}/authors/tiger-knife` },
        { "@type": "Person", name: "Sister Daodao", url: `${SITE}/authors/sister-daodao` },
      ],
      publisher: { "@type": "Person", name: "Ink", url: `${SITE}/sources/ink` },
    });
    expect(bare.copyrightHolder).toEqual({ "@type": "Person", name: "Ink", url: `${SITE}/sources/ink` });
  });

  it("never uses a non-http original URL", () => {
    const ld = newsArticleJsonLd({ ...reprint(), originalUrl: "javascript:alert(1)" }, SITE, PUBLISHER);
    expect(ld.isBasedOn).toBe("https://mp.example/buyidao");
  });

  it("gives our own pieces no reprint fields", () => {
    const ld = newsArticleJsonLd(
      article({ bylines: [{ role: "AUTHOR", person: { name: "Staff", slug: "staff" } }] }),
      SITE,
      PUBLISHER,
    );
    for (const key of ["isBasedOn", "copyrightHolder", "usageInfo", "copyrightNotice", "translator"]) {
      expect(ld).not.toHaveProperty(key);
    }
  });

  it("credits the source, or else the publisher, when there is no author byline", () => {
    expect(newsArticleJsonLd({ ...reprint(), bylines: [] }, SITE, PUBLISHER).author).toMatchObject({
      name: "Bu Yidao",
    });
    expect(newsArticleJsonLd(article(), SITE, PUBLISHER).author).toMatchObject({ name: "Crosscurrent" });
  });

  it("puts people, places and organizations in about and mentions, topics in keywords", () => {
    const ld = newsArticleJsonLd(
      article({
        tags: [
          { tag: { name: "Security", slug: "security", kind: "TOPIC" } },
          { tag: { name: "Lai Ching-te", slug: "lai-ching-te", kind: "PERSON" } },
          { tag: { name: "Taiwan", slug: "taiwan", kind: "PLACE" } },
          { tag: { name: "ASEAN", slug: "asean", kind: "ORGANIZATION" } },
          { tag: { name: "Trade", slug: "trade", kind: "TOPIC" } },
        ],
      }),
      SITE,
      PUBLISHER,
    );
    const entities = [
      { "@type": "Person", name: "Lai Ching-te" },
      { "@type": "Place", name: "Taiwan" },
      { "@type": "Organization", name: "ASEAN" },
    ];
    expect(ld.about).toEqual(entities);
    expect(ld.mentions).toEqual(entities);
    expect(ld.keywords).toEqual(["Security", "Trade"]);
  });

  it("leaves out empty lists and missing values", () => {
    const ld = newsArticleJsonLd(article({ excerpt: "", updatedAt: null }), SITE, PUBLISHER);
    expect(ld).not.toHaveProperty("about");
    expect(ld).not.toHaveProperty("keywords");
    expect(ld).not.toHaveProperty("description");
    expect(ld.dateModified).toBe("2026-05-01T08:00:00.000Z");
    expect(Object.values(ld)).not.toContain(undefined);
  });

  it("percent-encodes slugs in any script and keeps a SITE_URL path prefix", () => {
    const ld = newsArticleJsonLd(
      article({ slug: "台海局势", bylines: [{ role: "AUTHOR", person: { name: "刀妹", slug: "刀妹" } }] }),
      "https://example.org/cc/",
      PUBLISHER,
    );
    expect(ld.url).toBe("https://example.org/cc/articles/%E5%8F%B0%E6%B5%B7%E5%B1%80%E5%8A%BF");
    expect(ld.author).toEqual([
      { "@type": "Person", name: "刀妹", url: "https://example.org/cc/authors/%E5%88%80%E5%A6%B9" },
    ]);
  });
});

describe("breadcrumbJsonLd", () => {
  it("numbers the items from 1 and resolves paths against the site", () => {
    expect(
      breadcrumbJsonLd(
        [
          { name: "Crosscurrent", url: "/" },
          { name: "Taiwan", url: "/tags/taiwan" },
        ],
        SITE,
      ),
    ).toEqual({
      "@context": "https://schema.org",
      "@type": "BreadcrumbList",
      itemListElement: [
        { "@type": "ListItem", position: 1, name: "Crosscurrent", item: `${SITE}/` },
        { "@type": "ListItem", position: 2, name: "Taiwan", item: `${SITE}/tags/taiwan` },
      ],
    });
  });
});

describe("websiteJsonLd", () => {
  it("declares the site search as a SearchAction", () => {
    expect(websiteJsonLd(SITE, PUBLISHER)).toMatchObject({
      "@type": "WebSite",
      name: "Crosscurrent",
      url: `${SITE}/`,
      inLanguage: "en",
      potentialAction: {
        "@type": "SearchAction",
        target: { "@type": "EntryPoint", urlTemplate: `${SITE}/search?q={search_term_string}` },
        "query-input": "required name=search_term_string",
      },
    });
  });
});

describe("the publisher", () => {
  it("is the site's title, with its logo as an absolute ImageObject when one is set", () => {
    const site: JsonLdSite = {
      name: "Strait Watch",
      language: "zh-Hans",
      logo: { url: "/media/logo/w320.webp", width: 320, height: 320 },
    };
    const publisher = {
      "@type": "Organization",
      name: "Strait Watch",
      url: `${SITE}/`,
      logo: {
        "@type": "ImageObject",
        url: `${SITE}/media/logo/w320.webp`,
        width: { "@type": "QuantitativeValue", value: 320, unitCode: "E37" },
        height: { "@type": "QuantitativeValue", value: 320, unitCode: "E37" },
      },
    };
    expect(newsArticleJsonLd(article(), SITE, site).publisher).toEqual(publisher);
    expect(websiteJsonLd(SITE, site)).toMatchObject({
      name: "Strait Watch",
      inLanguage: "zh-Hans",
      publisher,
    });
    expect(newsArticleJsonLd(article(), SITE, PUBLISHER).publisher).not.toHaveProperty("logo");
  });
});
