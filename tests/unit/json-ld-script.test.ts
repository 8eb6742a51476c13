// <JsonLd>: the one place script content is written. Nothing in the data can end the element
// or change how it is parsed, and the JSON reads back unchanged.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { newsArticleJsonLd, type JsonLdObject } from "@/lib/seo/json-ld";
import { JsonLd, serializeJsonLd } from "@/lib/seo/json-ld-script";

const HOSTILE = 'Evil</script><script>alert("x")</script><!-- & \u2028 line \u2029 para';

function scriptBody(html: string): string {
  const match = /^<script type="application\/ld\+json">([\s\S]*)<\/script>$/.exec(html);
  if (!match) throw new Error(`not a single JSON-LD script: ${html}`);
  return match[1]!;
}

describe("serializeJsonLd", () => {
  it("escapes <, >, & and the line separators, and stays the same JSON", () => {
    const data: JsonLdObject = { headline: HOSTILE, nested: [{ name: "</SCRIPT >" }] };
    const text = serializeJsonLd(data);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(text).toContain("\\u003c/script\\u003e");
    expect(text).toContain("\\u2028");
    expect(text).toContain("\\u2029");
    expect(JSON.parse(text)).toEqual(data);
  });
});

describe("<JsonLd>", () => {
  it("renders exactly one script element that a hostile headline cannot break out of", () => {
    const data = newsArticleJsonLd(
      {
        slug: "x",
        title: HOSTILE,
        publishedAt: new Date("2026-05-01T00:00:00Z"),
        kind: "ORIGINAL",
        source: null,
        bylines: [{ role: "AUTHOR", person: { name: "</script><img src=x onerror=alert(1)>", slug: "a" } }],
      },
      "https://crosscurrent.example",
      { name: "Crosscurrent", language: "en", logo: null },
    );
    const html = renderToStaticMarkup(createElement(JsonLd, { data }));
    expect(html.match(/<script/gi)).toHaveLength(1);
    expect(html.match(/<\/script/gi)).toHaveLength(1);
    expect(html).not.toContain("<img");
    expect(html).not.toContain("\u2028");
    expect(JSON.parse(scriptBody(html))).toEqual(data);
  });

  it("accepts a list of objects", () => {
    const html = renderToStaticMarkup(createElement(JsonLd, { data: [{ a: "<" }, { b: 1 }] }));
    expect(JSON.parse(scriptBody(html))).toEqual([{ a: "<" }, { b: 1 }]);
  });
});
