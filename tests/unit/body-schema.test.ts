import { Editor, getSchema, type JSONContent } from "@tiptap/core";
import { renderToHTMLString } from "@tiptap/static-renderer/pm/html-string";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  ArticleBodySchema,
  LINK_REL,
  MAX_BODY_BYTES,
  MAX_BODY_DEPTH,
  MAX_BODY_NODES,
  isAllowedImageSrc,
  isAllowedLinkHref,
  validateArticleBody,
} from "@/lib/editor/body-schema";
import { articleExtensions } from "@/lib/editor/extensions";

// ---------------------------------------------------------------------------------------------
// Builders

type Json = Record<string, unknown>;
const doc = (...content: unknown[]): Json => ({ type: "doc", content });
const p = (...content: unknown[]): Json => ({ type: "paragraph", content });
const text = (value: unknown, marks?: unknown[]): Json =>
  marks ? { type: "text", text: value, marks } : { type: "text", text: value };
const link = (href: unknown, extra: Json = {}): Json => ({
  type: "link",
  attrs: { href, target: null, rel: LINK_REL, class: null, title: null, ...extra },
});
const linked = (href: unknown, extra?: Json): Json => doc(p(text("click", [link(href, extra)])));
const image = (attrs: Json): Json => ({ type: "image", attrs });
const imageDoc = (attrs: Json): Json => doc(image(attrs));
const li = (...content: unknown[]): Json => ({ type: "listItem", content });
const bulletList = (...items: unknown[]): Json => ({ type: "bulletList", content: items });

/** Path of the first text node of the first paragraph. */
const TEXT0 = ["content", 0, "content", 0];
const HREF = [...TEXT0, "marks", 0, "attrs", "href"];

const pmSchema = getSchema(articleExtensions);

/** Asserts ProseMirror itself considers the JSON a valid document for the article extensions. */
function expectValidProseMirror(json: unknown) {
  expect(() => pmSchema.nodeFromJSON(json).check()).not.toThrow();
}

function expectRejected(input: unknown, message: string, path: (string | number)[]) {
  const result = validateArticleBody(input);
  expect(result).toEqual({ ok: false, message, path });
}

// ---------------------------------------------------------------------------------------------
// A realistic body that uses every allowed node, mark and attribute, in the exact form
// editor.getJSON() emits (every attribute present, rel = the editor's configured default).

const REALISTIC: JSONContent = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Tokyo’s choice" }] },
    {
      type: "paragraph",
      content: [
        { type: "text", text: "Prime Minister " },
        { type: "text", marks: [{ type: "bold" }], text: "Kishida" },
        { type: "text", text: " met " },
        { type: "text", marks: [{ type: "italic" }, { type: "underline" }], text: "the delegation" },
        { type: "hardBreak" },
        { type: "text", marks: [{ type: "strike" }], text: "yesterday" },
        { type: "text", text: " — 😀 “东京的选择”. Read " },
        {
          type: "text",
          marks: [
            {
              type: "link",
              attrs: {
                href: "https://example.com/a?b=1#c",
                target: "_blank",
                rel: LINK_REL,
                class: null,
                title: "Source",
              },
            },
            { type: "bold" },
          ],
          text: "the source",
        },
        { type: "text", text: ", " },
        {
          type: "text",
          marks: [
            {
              type: "link",
              attrs: { href: "http://example.org", target: null, rel: LINK_REL, class: null, title: null },
            },
          ],
          text: "the archive",
        },
        { type: "text", text: " or " },
        {
          type: "text",
          marks: [
            {
              type: "link",
              attrs: {
                href: "mailto:desk@example.com",
                target: null,
                rel: LINK_REL,
                class: null,
                title: null,
              },
            },
          ],
          text: "write to us",
        },
      ],
    },
    { type: "heading", attrs: { level: 3 }, content: [{ type: "text", text: "Background" }] },
    {
      type: "blockquote",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "A quoted line." }] },
        { type: "heading", attrs: { level: 4 }, content: [{ type: "text", text: "In a quote" }] },
      ],
    },
    {
      type: "bulletList",
      content: [
        {
          type: "listItem",
          content: [
            { type: "paragraph", content: [{ type: "text", text: "First point" }] },
            {
              type: "orderedList",
              attrs: { start: 3, type: "a" },
              content: [
                {
                  type: "listItem",
                  content: [{ type: "paragraph", content: [{ type: "text", text: "Sub a" }] }],
                },
                {
                  type: "listItem",
                  content: [
                    { type: "paragraph", content: [{ type: "text", text: "Sub b" }] },
                    {
                      type: "bulletList",
                      content: [
                        {
                          type: "listItem",
                          content: [{ type: "paragraph", content: [{ type: "text", text: "Deeper" }] }],
                        },
                      ],
                    },
                  ],
                },
              ],
            },
          ],
        },
        { type: "listItem", content: [{ type: "paragraph" }] },
      ],
    },
    {
      type: "orderedList",
      attrs: { start: 1, type: null },
      content: [
        { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Step" }] }] },
      ],
    },
    { type: "horizontalRule" },
    {
      type: "image",
      attrs: {
        src: "/media/2025/03/tokyo-skyline.webp",
        alt: "Tokyo at dusk",
        title: null,
        width: 1200,
        height: 800,
      },
    },
    {
      type: "image",
      attrs: { src: "/media/media_x", alt: "A chart", title: "Chart", width: null, height: null },
    },
    { type: "paragraph" },
  ],
};

// ---------------------------------------------------------------------------------------------

describe("ArticleBodySchema: what it accepts", () => {
  it("accepts a document using every allowed node, mark and attribute, unchanged", () => {
    expectValidProseMirror(REALISTIC);
    const result = validateArticleBody(REALISTIC);
    expect(result).toEqual({ ok: true, body: REALISTIC });
    expect(ArticleBodySchema.parse(REALISTIC)).toEqual(REALISTIC);
  });

  it("accepts exactly what ProseMirror emits for the same content, with every default attribute", () => {
    const emitted = pmSchema.nodeFromJSON(REALISTIC).toJSON() as JSONContent;
    expect(validateArticleBody(emitted)).toEqual({ ok: true, body: emitted });
  });

  it("normalises a minimal body to what ProseMirror emits (defaults filled in)", () => {
    const minimal = doc(
      p(
        text("Read ", [{ type: "bold" }]),
        text("this", [{ type: "link", attrs: { href: "https://example.com" } }]),
      ),
      { type: "orderedList", content: [li(p(text("one")))] },
      image({ src: "/media/a.png", alt: "A photo" }),
    );
    const result = validateArticleBody(minimal);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.body).toEqual(pmSchema.nodeFromJSON(minimal).toJSON());
    expect(result.body.content?.[1]?.attrs).toEqual({ start: 1, type: null });
    expect(result.body.content?.[2]?.attrs).toEqual({
      src: "/media/a.png",
      alt: "A photo",
      title: null,
      width: null,
      height: null,
    });
    expectValidProseMirror(result.body);
  });

  it("accepts the output of a real (headless) Tiptap editor built from the article extensions", () => {
    const editor = new Editor({
      extensions: articleExtensions,
      content: doc(
        p(text("Hello brave new world")),
        p(text("Section heading")),
        p(text("Sub heading")),
        p(text("Minor heading")),
        p(text("A quoted line")),
        p(text("First bullet")),
        p(text("Second bullet")),
        p(text("Nested bullet")),
        p(text("First step")),
        p(text("Second step")),
        p(text("The end")),
      ),
    });
    const find = (needle: string) => {
      const hits: { from: number; to: number }[] = [];
      editor.state.doc.descendants((node, pos) => {
        const at = node.isText ? (node.text ?? "").indexOf(needle) : -1;
        if (at >= 0) hits.push({ from: pos + at, to: pos + at + needle.length });
      });
      expect(hits[0], needle).toBeDefined();
      return hits[0]!;
    };
    const select = (from: string, to = from) =>
      expect(editor.commands.setTextSelection({ from: find(from).from, to: find(to).to })).toBe(true);
    const run = (ok: boolean) => expect(ok).toBe(true);

    select("Hello");
    run(editor.commands.toggleBold());
    run(editor.commands.setLink({ href: "https://example.com/path?q=1#top" }));
    select("brave");
    run(editor.commands.toggleItalic());
    run(editor.commands.toggleUnderline());
    run(editor.commands.setLink({ href: "http://example.org", target: "_blank" }));
    select("new");
    run(editor.commands.toggleStrike());
    run(editor.commands.setLink({ href: "mailto:desk@example.com" }));
    run(editor.commands.setTextSelection(find("world").from));
    run(editor.commands.setHardBreak());
    select("Section heading");
    run(editor.commands.toggleHeading({ level: 2 }));
    select("Sub heading");
    run(editor.commands.toggleHeading({ level: 3 }));
    select("Minor heading");
    run(editor.commands.toggleHeading({ level: 4 }));
    select("A quoted line");
    run(editor.commands.toggleBlockquote());
    select("First bullet", "Nested bullet");
    run(editor.commands.toggleBulletList());
    select("Nested bullet");
    run(editor.commands.sinkListItem("listItem"));
    select("First step", "Second step");
    run(editor.commands.toggleOrderedList());
    run(editor.commands.setTextSelection(find("The end").to));
    run(editor.commands.setHorizontalRule());
    run(editor.commands.setImage({ src: "/media/photos/tokyo.jpg", alt: "Tokyo at dusk", title: "Tokyo" }));
    const emitted = editor.getJSON();
    editor.destroy();

    // The editor produced every node and mark type the schema allows…
    const nodeTypes = new Set<string>();
    const markTypes = new Set<string>();
    const walk = (node: JSONContent) => {
      nodeTypes.add(node.type ?? "");
      node.marks?.forEach((mark) => markTypes.add(mark.type));
      node.content?.forEach(walk);
    };
    walk(emitted);
    expect([...nodeTypes].sort()).toEqual(
      [
        "blockquote",
        "bulletList",
        "doc",
        "hardBreak",
        "heading",
        "horizontalRule",
        "image",
        "listItem",
        "orderedList",
        "paragraph",
        "text",
      ].sort(),
    );
    expect([...markTypes].sort()).toEqual(["bold", "italic", "link", "strike", "underline"]);

    // …and the validator accepts it without changing a thing.
    expect(validateArticleBody(emitted)).toEqual({ ok: true, body: emitted });
  });

  it("accepts the simple documents the rest of the app builds", () => {
    for (const body of [
      doc(p()),
      doc({ type: "paragraph" }),
      doc({ type: "heading", attrs: { level: 2 }, content: [text("Title")] }, { type: "horizontalRule" }),
      doc(p(text("a"), { type: "hardBreak", marks: [{ type: "bold" }] }, text("b"))),
      doc(bulletList(li(p(text("x")), image({ src: "/media/x.png", alt: "x", width: 1.5 })))),
    ]) {
      expect(validateArticleBody(body).ok, JSON.stringify(body)).toBe(true);
    }
  });

  it.each([
    "https://example.com",
    "http://example.com/path?query=1&x=y#frag",
    "HTTPS://EXAMPLE.COM/",
    "https://münchen.example/straße",
    "https://example.com/a%20b",
    "mailto:desk@example.com",
    "mailto:desk@example.com?subject=Hello%20there",
  ])("accepts the link address %s", (href) => {
    expect(isAllowedLinkHref(href)).toBe(true);
    expect(validateArticleBody(linked(href)).ok).toBe(true);
  });

  it.each(["/media/a.png", "/media/2025/03/a-b_c.d.webp", "/media/media_tokyo_skyline"])(
    "accepts the image address %s",
    (src) => {
      expect(isAllowedImageSrc(src)).toBe(true);
      expect(validateArticleBody(imageDoc({ src, alt: "x" })).ok).toBe(true);
    },
  );

  it("stores the site's rel and no class on links, whatever the input carried", () => {
    const result = validateArticleBody(linked("https://example.com", { rel: "opener", class: "evil-class" }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.body.content?.[0]?.content?.[0]?.marks?.[0]?.attrs).toEqual({
      href: "https://example.com",
      target: null,
      rel: LINK_REL,
      class: null,
      title: null,
    });
    // The public renderer reads rel from the stored attribute, so it must be stored.
    const html = renderToHTMLString({ content: result.body, extensions: articleExtensions });
    expect(html).toContain(`rel="${LINK_REL}"`);
    expect(html).not.toContain("evil-class");
    expect(html).not.toContain('rel="opener"');
  });

  it("works as a field of a larger zod schema, with paths relative to the field", () => {
    const Fields = z.object({ body: ArticleBodySchema });
    const result = Fields.safeParse({ body: doc({ type: "iframe" }) });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      path: ["body", "content", 0, "type"],
      message: 'Unsupported content type "iframe" in the article body.',
    });
  });
});

// ---------------------------------------------------------------------------------------------

const M = {
  scheme: "Links may only use http, https or mailto addresses.",
  linkChars: "Link addresses can't contain spaces, backslashes or invisible characters.",
  credentials: "Links can't include a user name or password.",
  target: 'Links may open in the same tab or in a new tab (target "_blank") only.',
  linkAttrs: "Links need an address (href).",
  src: "Images must come from the media library (an address starting with /media/).",
  alt: "Images need a description (alt text).",
  altLong: "Keep image descriptions under 300 characters.",
  imageAttrs: "Images need an address and a description (alt text).",
  imageSize: "Image width and height must be positive numbers of pixels (at most 10,000).",
  unsupported: (type: string) => `Unsupported content type "${type}" in the article body.`,
  format: (type: string) => `Unsupported text formatting "${type}" in the article body.`,
  field: (key: string) => `Unexpected field "${key}" in the article body.`,
  inlineOnly: (type: string) =>
    `"${type}" can't be placed inside a paragraph or heading: only text and line breaks can.`,
  level: "Headings must be level 2, 3 or 4.",
  text: "Text elements need non-empty text.",
  marks: "Text formatting (marks) must be a list.",
  markType: "Each text format must be an object with a type.",
  nodeType: "Each element of the article body must be an object with a type.",
  listChildren: "Lists may only contain list items.",
  listItemStart: "Each list item must start with a paragraph.",
  textOutside: "Text and line breaks must be inside a paragraph or heading.",
  listItemOutside: "List items must be inside a bulleted or numbered list.",
  emptyList: "A list needs at least one item.",
  emptyQuote: "A quote can't be empty.",
  notDoc: 'The article body is not a valid document (expected an object with type "doc").',
  emptyDoc: "The article body is empty: add at least one paragraph.",
  badChar:
    "The text contains an invalid character (a NUL character or a broken emoji); retype the affected passage.",
  listStyle: "Numbered lists may only use the styles 1, a, A, i or I.",
  listStart: "A numbered list must start at a whole number from 0 to 1,000,000,000.",
  notJson: "The article body may only contain plain JSON data.",
  tooLarge: "The article body is too large (max 1 MB).",
  tooDeep: "The article body is nested too deeply (max 20 levels).",
  tooMany: "The article body has too many elements (max 20,000).",
};

const IMG_ATTRS = ["content", 0, "attrs"];
const ok = { src: "/media/a.png", alt: "A photo" };

type Case = [name: string, input: unknown, message: string, path: (string | number)[]];

const REJECTED: Case[] = [
  // Links
  ["javascript: link", linked("javascript:alert(1)"), M.scheme, HREF],
  ["mixed-case JaVaScRiPt: link", linked("JaVaScRiPt:alert(1)"), M.scheme, HREF],
  ["link with leading spaces", linked("  javascript:alert(1)"), M.scheme, HREF],
  ["link with leading space before https", linked(" https://example.com"), M.scheme, HREF],
  ["newline-split java\\nscript:", linked("java\nscript:alert(1)"), M.scheme, HREF],
  ["tab-split java\\tscript:", linked("java\tscript:alert(1)"), M.scheme, HREF],
  ["data:text/html link", linked("data:text/html,<script>alert(1)</script>"), M.scheme, HREF],
  ["vbscript: link", linked("vbscript:msgbox(1)"), M.scheme, HREF],
  ["protocol-relative link", linked("//evil.example/x"), M.scheme, HREF],
  ["triple-slash https link", linked("https:///evil.example"), M.scheme, HREF],
  ["relative link", linked("/about"), M.scheme, HREF],
  ["fragment-only link", linked("#top"), M.scheme, HREF],
  ["entity-encoded javascript", linked("&#106;avascript:alert(1)"), M.scheme, HREF],
  ["javascript&colon; entity", linked("javascript&colon;alert(1)"), M.scheme, HREF],
  ["ftp link", linked("ftp://example.com/file"), M.scheme, HREF],
  ["tel link", linked("tel:+441234567"), M.scheme, HREF],
  ["empty href", linked(""), M.scheme, HREF],
  ["href with a space", linked("https://exa mple.com"), M.linkChars, HREF],
  ["href with a zero-width space", linked("https://example.com/\u200b"), M.linkChars, HREF],
  ["href with a backslash", linked("https://evil.example\\@good.example"), M.linkChars, HREF],
  ["href with credentials", linked("https://good.example@evil.example"), M.credentials, HREF],
  ["href not a string", linked(42), M.linkAttrs, HREF],
  [
    "link target _self",
    linked("https://example.com", { target: "_self" }),
    M.target,
    [...TEXT0, "marks", 0, "attrs", "target"],
  ],
  ["link without attrs", doc(p(text("x", [{ type: "link" }]))), M.linkAttrs, [...TEXT0, "marks", 0, "attrs"]],
  [
    "link with onclick attr",
    linked("https://example.com", { onclick: "alert(1)" }),
    M.field("onclick"),
    [...TEXT0, "marks", 0, "attrs", "onclick"],
  ],
  [
    "link with style attr",
    linked("https://example.com", { style: "color:red" }),
    M.field("style"),
    [...TEXT0, "marks", 0, "attrs", "style"],
  ],

  // Images
  [
    "image from https://",
    imageDoc({ ...ok, src: "https://evil.example/x.png" }),
    M.src,
    [...IMG_ATTRS, "src"],
  ],
  ["image from http://", imageDoc({ ...ok, src: "http://evil.example/x.png" }), M.src, [...IMG_ATTRS, "src"]],
  [
    "image from data:",
    imageDoc({ ...ok, src: "data:image/png;base64,iVBORw0KGgo=" }),
    M.src,
    [...IMG_ATTRS, "src"],
  ],
  ["image from javascript:", imageDoc({ ...ok, src: "javascript:alert(1)" }), M.src, [...IMG_ATTRS, "src"]],
  ["image path traversal", imageDoc({ ...ok, src: "/media/../etc/passwd" }), M.src, [...IMG_ATTRS, "src"]],
  ["image single-dot segment", imageDoc({ ...ok, src: "/media/./a.png" }), M.src, [...IMG_ATTRS, "src"]],
  ["protocol-relative image", imageDoc({ ...ok, src: "//evil.com/x.png" }), M.src, [...IMG_ATTRS, "src"]],
  ["image with double slash", imageDoc({ ...ok, src: "/media//x.png" }), M.src, [...IMG_ATTRS, "src"]],
  ["image outside /media/", imageDoc({ ...ok, src: "/uploads/x.png" }), M.src, [...IMG_ATTRS, "src"]],
  [
    "image with query string",
    imageDoc({ ...ok, src: "/media/x.png?onerror=1" }),
    M.src,
    [...IMG_ATTRS, "src"],
  ],
  ["image without src", imageDoc({ alt: "x" }), M.src, [...IMG_ATTRS, "src"]],
  ["image without alt", imageDoc({ src: ok.src }), M.alt, [...IMG_ATTRS, "alt"]],
  ["image with empty alt", imageDoc({ ...ok, alt: "" }), M.alt, [...IMG_ATTRS, "alt"]],
  ["image with blank alt", imageDoc({ ...ok, alt: "   " }), M.alt, [...IMG_ATTRS, "alt"]],
  ["image with null alt", imageDoc({ ...ok, alt: null }), M.alt, [...IMG_ATTRS, "alt"]],
  ["image with 301-char alt", imageDoc({ ...ok, alt: "a".repeat(301) }), M.altLong, [...IMG_ATTRS, "alt"]],
  ["image without attrs", doc({ type: "image" }), M.imageAttrs, ["content", 0, "attrs"]],
  ["image width as a string", imageDoc({ ...ok, width: "100%" }), M.imageSize, [...IMG_ATTRS, "width"]],
  ["image with negative height", imageDoc({ ...ok, height: -1 }), M.imageSize, [...IMG_ATTRS, "height"]],
  [
    "image with onerror attr",
    imageDoc({ ...ok, onerror: "alert(1)" }),
    M.field("onerror"),
    [...IMG_ATTRS, "onerror"],
  ],
  ["image inside a paragraph", doc(p(image(ok))), M.inlineOnly("image"), [...TEXT0, "type"]],

  // Node types
  [
    "iframe node",
    doc({ type: "iframe", attrs: { src: "https://evil.example" } }),
    M.unsupported("iframe"),
    ["content", 0, "type"],
  ],
  [
    "script node",
    doc({ type: "script", content: [text("alert(1)")] }),
    M.unsupported("script"),
    ["content", 0, "type"],
  ],
  [
    "codeBlock node (disabled)",
    doc({ type: "codeBlock", content: [text("x")] }),
    M.unsupported("codeBlock"),
    ["content", 0, "type"],
  ],
  ["table node", doc({ type: "table", content: [] }), M.unsupported("table"), ["content", 0, "type"]],
  [
    "htmlBlock node",
    doc({ type: "htmlBlock", attrs: { html: "<img onerror=x>" } }),
    M.unsupported("htmlBlock"),
    ["content", 0, "type"],
  ],
  [
    "unknown inline node",
    doc(p({ type: "mention", attrs: { id: "x" } })),
    M.unsupported("mention"),
    [...TEXT0, "type"],
  ],
  ["node without a type", doc({ content: [] }), M.nodeType, ["content", 0, "type"]],
  ["node that is a string", doc("<p>hi</p>"), M.nodeType, ["content", 0]],
  ["text directly in the doc", doc(text("x")), M.textOutside, ["content", 0, "type"]],
  ["list item directly in the doc", doc(li(p(text("x")))), M.listItemOutside, ["content", 0, "type"]],
  [
    "heading inside a paragraph",
    doc(p({ type: "heading", attrs: { level: 2 } })),
    M.inlineOnly("heading"),
    [...TEXT0, "type"],
  ],

  // Marks
  [
    "code mark (disabled)",
    doc(p(text("x", [{ type: "code" }]))),
    M.format("code"),
    [...TEXT0, "marks", 0, "type"],
  ],
  [
    "textStyle mark",
    doc(p(text("x", [{ type: "textStyle", attrs: { color: "red" } }]))),
    M.format("textStyle"),
    [...TEXT0, "marks", 0, "type"],
  ],
  [
    "highlight mark",
    doc(p(text("x", [{ type: "highlight" }]))),
    M.format("highlight"),
    [...TEXT0, "marks", 0, "type"],
  ],
  ["marks as a string", doc(p({ type: "text", text: "x", marks: "bold" })), M.marks, [...TEXT0, "marks"]],
  ["mark as a bare string", doc(p(text("x", ["bold"]))), M.markType, [...TEXT0, "marks", 0]],
  [
    "bold mark with attrs",
    doc(p(text("x", [{ type: "bold", attrs: {} }]))),
    M.field("attrs"),
    [...TEXT0, "marks", 0, "attrs"],
  ],
  [
    "the same mark twice",
    doc(p(text("x", [{ type: "bold" }, { type: "bold" }]))),
    'The formatting "bold" is applied twice to the same text.',
    [...TEXT0, "marks", 1],
  ],

  // Attributes and unknown keys
  [
    "onclick on a paragraph",
    doc({ type: "paragraph", onclick: "alert(1)" }),
    M.field("onclick"),
    ["content", 0, "onclick"],
  ],
  [
    "style on a paragraph",
    doc({ type: "paragraph", style: "display:none" }),
    M.field("style"),
    ["content", 0, "style"],
  ],
  [
    "textAlign attrs on a paragraph",
    doc({ type: "paragraph", attrs: { textAlign: "center" } }),
    M.field("attrs"),
    ["content", 0, "attrs"],
  ],
  [
    "style in heading attrs",
    doc({ type: "heading", attrs: { level: 2, style: "x" } }),
    M.field("style"),
    ["content", 0, "attrs", "style"],
  ],
  ["extra top-level key", { ...doc(p()), html: "<script>" }, M.field("html"), ["html"]],
  [
    "__proto__ key",
    JSON.parse('{"type":"doc","content":[{"type":"paragraph","__proto__":{"polluted":true}}]}'),
    M.field("__proto__"),
    ["content", 0, "__proto__"],
  ],
  [
    "constructor key",
    doc({ type: "paragraph", constructor: { prototype: {} } }),
    M.field("constructor"),
    ["content", 0, "constructor"],
  ],
  [
    "content on a horizontal rule",
    doc({ type: "horizontalRule", content: [text("x")] }),
    M.field("content"),
    ["content", 0, "content"],
  ],
  [
    "content on a hard break",
    doc(p({ type: "hardBreak", content: [text("x")] })),
    M.field("content"),
    [...TEXT0, "content"],
  ],

  // Headings
  [
    "heading level 1",
    doc({ type: "heading", attrs: { level: 1 }, content: [text("x")] }),
    M.level,
    ["content", 0, "attrs", "level"],
  ],
  [
    "heading level 7",
    doc({ type: "heading", attrs: { level: 7 }, content: [text("x")] }),
    M.level,
    ["content", 0, "attrs", "level"],
  ],
  [
    "heading level as a string",
    doc({ type: "heading", attrs: { level: "2" } }),
    M.level,
    ["content", 0, "attrs", "level"],
  ],
  ["heading without attrs", doc({ type: "heading", content: [text("x")] }), M.level, ["content", 0, "attrs"]],

  // Text
  ["text that is a number", doc(p(text(42))), M.text, [...TEXT0, "text"]],
  ["text missing", doc(p({ type: "text" })), M.text, [...TEXT0, "text"]],
  ["empty text", doc(p(text(""))), M.text, [...TEXT0, "text"]],
  [
    "paragraph inside text",
    doc(p({ type: "text", text: "x", content: [p(text("y"))] })),
    M.field("content"),
    [...TEXT0, "content"],
  ],
  ["text with a NUL character", doc(p(text("a\u0000b"))), M.badChar, [...TEXT0, "text"]],
  ["text with an unpaired surrogate", doc(p(text("a\ud83db"))), M.badChar, [...TEXT0, "text"]],

  // Structure
  [
    "list containing a paragraph",
    doc(bulletList(p(text("x")))),
    M.listChildren,
    ["content", 0, "content", 0, "type"],
  ],
  [
    "list item starting with a list",
    doc(bulletList(li(bulletList(li(p(text("x"))))))),
    M.listItemStart,
    ["content", 0, "content", 0, "content", 0],
  ],
  [
    "empty list item",
    doc(bulletList(li())),
    "A list item can't be empty.",
    ["content", 0, "content", 0, "content"],
  ],
  ["empty bullet list", doc(bulletList()), M.emptyList, ["content", 0, "content"]],
  ["empty blockquote", doc({ type: "blockquote", content: [] }), M.emptyQuote, ["content", 0, "content"]],
  [
    "text directly in a blockquote",
    doc({ type: "blockquote", content: [text("x")] }),
    M.textOutside,
    ["content", 0, "content", 0, "type"],
  ],
  [
    "ordered list with a bullet style",
    doc({ type: "orderedList", attrs: { start: 1, type: "disc" }, content: [li(p())] }),
    M.listStyle,
    ["content", 0, "attrs", "type"],
  ],
  [
    "ordered list starting at 1.5",
    doc({ type: "orderedList", attrs: { start: 1.5 }, content: [li(p())] }),
    M.listStart,
    ["content", 0, "attrs", "start"],
  ],
  [
    "content that is not a list",
    doc({ type: "paragraph", content: "hi" }),
    "Content must be a list of elements.",
    ["content", 0, "content"],
  ],

  // The document itself
  ["null", null, M.notDoc, []],
  ["a string", '{"type":"doc"}', M.notDoc, []],
  ["an array", [p(text("x"))], M.notDoc, []],
  ["a number", 1, M.notDoc, []],
  ["doc of another type", { type: "page", content: [p(text("x"))] }, M.notDoc, ["type"]],
  ["doc without a type", { content: [p(text("x"))] }, M.notDoc, ["type"]],
  ["empty doc", doc(), M.emptyDoc, ["content"]],
  ["doc without content", { type: "doc" }, M.emptyDoc, ["content"]],
  ["a Date instead of a document", new Date(), M.notDoc, []],
  [
    "a class instance inside",
    doc(p(text("x", [link("https://example.com", { title: new String("t") })]))),
    M.notJson,
    [...TEXT0, "marks", 0, "attrs", "title"],
  ],
  [
    "a BigInt inside",
    doc({ type: "orderedList", attrs: { start: BigInt(1) }, content: [li(p())] }),
    M.notJson,
    ["content", 0, "attrs", "start"],
  ],
];

describe("ArticleBodySchema: what it rejects", () => {
  it("has a large table of malicious and invalid cases", () => {
    expect(REJECTED.length).toBeGreaterThanOrEqual(30);
  });

  it.each(REJECTED)("rejects %s", (_name, input, message, path) => {
    expectRejected(input, message, path);
    expect(ArticleBodySchema.safeParse(input).success).toBe(false);
  });

  it("reports unknown keys as errors rather than stripping them", () => {
    const result = ArticleBodySchema.safeParse(doc({ type: "paragraph", onclick: "alert(1)" }));
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        code: "unrecognized_keys",
        keys: ["onclick"],
        path: ["content", 0],
        message: M.field("onclick"),
      }),
    ]);
  });

  it("points straight at prototype-pollution keys, before any other problem in the node", () => {
    const payload = JSON.parse(
      '{"type":"doc","content":[{"type":"paragraph","content":"bad","constructor":{}}]}',
    );
    const result = ArticleBodySchema.safeParse(payload);
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        code: "custom",
        path: ["content", 0, "constructor"],
        message: M.field("constructor"),
      }),
    ]);
  });

  it("does not pollute Object.prototype when given a __proto__ payload", () => {
    const payload = JSON.parse(
      '{"type":"doc","content":[{"type":"paragraph"}],"__proto__":{"polluted":"yes"}}',
    );
    expectRejected(payload, M.field("__proto__"), ["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------

/** doc → (depth - 3) nested blockquotes → paragraph → text: `depth` nodes from root to leaf. */
function nestedDoc(depth: number, leaf: unknown = text("deep")): Json {
  let node: Json = p(leaf);
  for (let i = 0; i < depth - 3; i++) node = { type: "blockquote", content: [node] };
  return doc(node);
}

describe("ArticleBodySchema: limits, checked before the deep parse", () => {
  it("exports the limits", () => {
    expect([MAX_BODY_BYTES, MAX_BODY_DEPTH, MAX_BODY_NODES]).toEqual([1_000_000, 20, 20_000]);
  });

  it(`accepts nesting ${MAX_BODY_DEPTH} nodes deep and rejects ${MAX_BODY_DEPTH + 1} and 25`, () => {
    expect(validateArticleBody(nestedDoc(20)).ok).toBe(true);
    const result = validateArticleBody(nestedDoc(21));
    expect(result).toMatchObject({ ok: false, message: M.tooDeep });
    // The path points at the first node past the limit: 19 content/index steps down.
    expect(result.ok === false && result.path.length).toBe(20 * 2);
    expect(validateArticleBody(nestedDoc(25))).toMatchObject({ ok: false, message: M.tooDeep });
  });

  it("rejects deep nesting before looking at node types", () => {
    const body = doc({ type: "iframe" }, (nestedDoc(25).content as unknown[])[0]);
    expect(validateArticleBody(body)).toMatchObject({ ok: false, message: M.tooDeep });
  });

  it("rejects very deep or cyclic raw JSON without overflowing the stack", () => {
    let deep: Json = {};
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(validateArticleBody({ ...doc(p()), extra: deep })).toMatchObject({
      ok: false,
      message: M.tooDeep,
    });

    const cyclic: Json = { type: "paragraph" };
    cyclic.self = cyclic;
    expect(validateArticleBody(doc(cyclic))).toMatchObject({ ok: false, message: M.tooDeep });
  });

  it(`accepts ${MAX_BODY_NODES} nodes and rejects one more, or 25,000`, () => {
    const paragraphs = (n: number) => Array.from({ length: n }, () => ({ type: "paragraph" }));
    expect(validateArticleBody(doc(...paragraphs(MAX_BODY_NODES - 1))).ok).toBe(true);
    expect(validateArticleBody(doc(...paragraphs(MAX_BODY_NODES)))).toEqual({
      ok: false,
      message: M.tooMany,
      path: [],
    });
    expect(validateArticleBody(doc(...paragraphs(25_000)))).toEqual({
      ok: false,
      message: M.tooMany,
      path: [],
    });
  });

  it("counts nested nodes, including text and hard breaks", () => {
    const item = li(p(text("a"), { type: "hardBreak" }, text("b"))); // 5 nodes
    const body = doc(bulletList(...Array.from({ length: 4_000 }, () => item))); // 2 + 20,000 nodes
    expect(validateArticleBody(body)).toEqual({ ok: false, message: M.tooMany, path: [] });
  });

  it("rejects a body over 1 MB of UTF-8, measured in bytes rather than characters", () => {
    expect(validateArticleBody(doc(p(text("a".repeat(999_000))))).ok).toBe(true);
    expect(validateArticleBody(doc(p(text("a".repeat(1_000_001)))))).toEqual({
      ok: false,
      message: M.tooLarge,
      path: [],
    });
    // 333,000 × "€" (3 bytes each) fits; 340,000 (1.02 MB) does not, though it is only 340,000 characters.
    expect(validateArticleBody(doc(p(text("€".repeat(333_000))))).ok).toBe(true);
    expect(validateArticleBody(doc(p(text("€".repeat(340_000)))))).toEqual({
      ok: false,
      message: M.tooLarge,
      path: [],
    });
  });

  it("rejects an oversized body before looking at its content", () => {
    const body = doc({ type: "script" }, p(text("x".repeat(MAX_BODY_BYTES))));
    expect(validateArticleBody(body)).toEqual({ ok: false, message: M.tooLarge, path: [] });
    const manyValues = { ...doc(p()), padding: Array.from({ length: 600_000 }, () => 0) };
    expect(validateArticleBody(manyValues)).toEqual({ ok: false, message: M.tooLarge, path: [] });
  });
});
