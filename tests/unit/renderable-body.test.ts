// The render-time URL rules are the save-time rules: an image or link the validator would refuse
// is left out of what is rendered (a link keeps its text), one it accepts is kept as it is.
import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { validateArticleBody } from "@/lib/editor/body-schema";
import { renderableBody } from "@/lib/editor/renderable-body";

const image = (src: string): JSONContent => ({
  type: "image",
  attrs: { src, alt: "A picture", title: null, width: null, height: null },
});
const linked = (href: string): JSONContent => ({
  type: "paragraph",
  content: [
    {
      type: "text",
      text: "linked text",
      marks: [{ type: "bold" }, { type: "link", attrs: { href, target: null, rel: null, class: null } }],
    },
  ],
});
const doc = (...content: JSONContent[]): JSONContent => ({ type: "doc", content });

const IMAGE_SOURCES = [
  "/media/a.png",
  "/media/2026/03/harbour_at-dawn.webp",
  "data:text/html,<script>alert(1)</script>",
  "data:image/png;base64,iVBORw0KGgo=",
  "javascript:alert(1)",
  "//evil.example/x.png",
  "https://evil.example/x.png",
  "/media/../etc/passwd",
  "/media/a.png?x=1",
  " /media/a.png",
  "/mediaa/b.png",
  "",
];

const LINK_ADDRESSES = [
  "https://example.com/a?b=1",
  "mailto:desk@example.com",
  "javascript:alert(1)",
  "  javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "//evil.example/",
  "/articles/relative",
  "https://user:pass@example.com/",
];

describe("renderableBody", () => {
  it.each(IMAGE_SOURCES)("keeps the image %j exactly when the validator accepts it", (src) => {
    const saved = validateArticleBody(doc(image(src))).ok;
    const rendered = renderableBody(doc({ type: "paragraph" }, image(src)));
    expect(rendered.content?.some((node) => node.type === "image")).toBe(saved);
  });

  it.each(LINK_ADDRESSES)("keeps the link %j exactly when the validator accepts it", (href) => {
    const saved = validateArticleBody(doc(linked(href))).ok;
    const text = renderableBody(doc(linked(href))).content?.[0]?.content?.[0];
    expect(text?.text).toBe("linked text");
    expect(text?.marks?.map((mark) => mark.type)).toEqual(saved ? ["bold", "link"] : ["bold"]);
  });

  it("includes at least one accepted and one refused address of each kind", () => {
    const images = IMAGE_SOURCES.map((src) => validateArticleBody(doc(image(src))).ok);
    const links = LINK_ADDRESSES.map((href) => validateArticleBody(doc(linked(href))).ok);
    expect(new Set(images)).toEqual(new Set([true, false]));
    expect(new Set(links)).toEqual(new Set([true, false]));
  });

  it("drops refused images at any depth and maps the address of the ones it keeps", () => {
    const body = doc(
      { type: "blockquote", content: [image("https://evil.example/x.png"), image("/media/a.png")] },
      {
        type: "bulletList",
        content: [{ type: "listItem", content: [{ type: "paragraph" }, image("javascript:alert(1)")] }],
      },
    );
    expect(renderableBody(body, (path) => `https://site.example${path}`)).toEqual(
      doc(
        {
          type: "blockquote",
          content: [
            {
              ...image("/media/a.png"),
              attrs: { ...image("").attrs, src: "https://site.example/media/a.png" },
            },
          ],
        },
        { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph" }] }] },
      ),
    );
  });

  it("does not change the document it is given", () => {
    const body = doc(image("https://evil.example/x.png"), linked("javascript:alert(1)"));
    const copy = structuredClone(body);
    renderableBody(body);
    expect(body).toEqual(copy);
  });
});
