// A comment body is plain text shown as paragraphs, line breaks and nofollow links; markup in it
// is only ever text, in the page and in the feeds.
import { Parser } from "htmlparser2";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CommentBody } from "@/components/comments/comment-body";
import { commentParagraphs, COMMENT_LINK_REL } from "@/lib/comments/body-parts";
import { commentBodyHtml } from "@/lib/feeds/comments";

const render = (body: string) => renderToStaticMarkup(createElement(CommentBody, { body }));

describe("paragraphs and line breaks", () => {
  it("splits paragraphs on blank lines and keeps single newlines as breaks", () => {
    expect(commentParagraphs("First line\nsecond line\n\nNew paragraph")).toEqual([
      [{ type: "text", text: "First line" }, { type: "break" }, { type: "text", text: "second line" }],
      [{ type: "text", text: "New paragraph" }],
    ]);
  });

  it("treats Windows line endings, whitespace-only lines and runs of blank lines alike", () => {
    expect(commentParagraphs("  One\r\n \t \r\n\r\n\nTwo  \n\n\n")).toEqual([
      [{ type: "text", text: "One" }],
      [{ type: "text", text: "Two" }],
    ]);
  });

  it("gives no paragraphs for a blank body", () => {
    expect(commentParagraphs(" \n\n \t")).toEqual([]);
  });
});

describe("links", () => {
  it("links http and https URLs and leaves the text around them", () => {
    expect(commentParagraphs("See https://example.com/a?b=1#c and http://x.example.")).toEqual([
      [
        { type: "text", text: "See " },
        { type: "link", href: "https://example.com/a?b=1#c", text: "https://example.com/a?b=1#c" },
        { type: "text", text: " and " },
        { type: "link", href: "http://x.example/", text: "http://x.example" },
        { type: "text", text: "." },
      ],
    ]);
  });

  it("keeps balanced brackets in a URL and drops an unbalanced closing one", () => {
    const [paragraph] = commentParagraphs(
      "(see https://en.wikipedia.org/wiki/Taiwan_(island)) and (https://example.com/x)",
    );
    const links = paragraph!.filter((p) => p.type === "link").map((p) => p.text);
    expect(links).toEqual(["https://en.wikipedia.org/wiki/Taiwan_(island)", "https://example.com/x"]);
  });

  it("does not link other schemes or a bare scheme", () => {
    const parts = commentParagraphs(
      "javascript:alert(1) ftp://files.example data:text/html,x https:// www.example.com",
    );
    expect(parts.flat().every((p) => p.type === "text")).toBe(true);
  });

  it("renders links with rel nofollow ugc noopener", () => {
    expect(COMMENT_LINK_REL).toBe("nofollow ugc noopener");
    expect(render("Read https://example.com/report now")).toContain(
      '<a href="https://example.com/report" rel="nofollow ugc noopener">https://example.com/report</a>',
    );
  });
});

/** Every element and attribute in `html`, and its text, as a browser's parser would see them. */
function inspect(html: string) {
  const elements: { name: string; attributes: Record<string, string> }[] = [];
  let text = "";
  const parser = new Parser(
    {
      onopentag: (name, attributes) => elements.push({ name, attributes }),
      ontext: (chunk) => (text += chunk),
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return { elements, text };
}

function expectInert(html: string, payload: string) {
  const { elements, text } = inspect(html);
  for (const { name, attributes } of elements) {
    expect(["div", "p", "br", "a"], `${payload}: <${name}>`).toContain(name);
    for (const attribute of Object.keys(attributes)) {
      expect(["class", "href", "rel"], `${payload}: ${attribute}=`).toContain(attribute);
    }
    if (name === "a") expect(attributes.href, payload).toMatch(/^https?:\/\//);
  }
  // Nothing was dropped or interpreted: the reader sees exactly what was written.
  expect(text, payload).toBe(payload);
}

describe("markup stays text", () => {
  const payloads = [
    "<script>alert(document.cookie)</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">click</a>',
    "</p><iframe src=//evil.example></iframe>",
    "<svg onload=alert(1)>&lt;&amp;&quot;",
    'https://example.com/"><script>alert(1)</script>',
    "<!-- comment --><![CDATA[ x ]]>",
  ];

  it("renders HTML and script payloads as text in the page", () => {
    for (const payload of payloads) expectInert(render(payload), payload);
    expect(render("<b>bold</b>")).toContain("&lt;b&gt;bold&lt;/b&gt;");
  });

  it("escapes the same payloads in the feeds' HTML", () => {
    for (const payload of payloads) expectInert(commentBodyHtml(payload), payload);
    expect(commentBodyHtml("a <b> & c\nd\n\ne https://x.example/?q=<i>")).toBe(
      '<p>a &lt;b&gt; &amp; c<br>d</p><p>e <a href="https://x.example/?q=" rel="nofollow ugc noopener">https://x.example/?q=</a>&lt;i&gt;</p>',
    );
  });
});
