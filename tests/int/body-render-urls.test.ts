// A body written straight to the database (a restore, an import, a migration, a hand edit) never
// went through the validator: the same URL rules apply again when it is rendered. An image whose
// address is not one of this site's media paths, or a link the validator would refuse, reaches
// neither the article page (nor React's image preload links in its head), nor the feeds, nor the
// content API; an allowed image still shows, with an absolute address wherever the HTML is read
// off the site.
import type { JSONContent } from "@tiptap/core";
import { NextRequest } from "next/server";
import { createElement } from "react";
import { renderToStaticMarkup, renderToString } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getApiArticle } from "@/app/api/v1/articles/[slug]/route";
import { ArticleView } from "@/components/article/article-view";
import { getPublishedArticle } from "@/lib/articles/public-articles";
import { publishArticle } from "@/lib/articles/workflow";
import { buildFeed } from "@/lib/feeds/data";
import { db } from "@/lib/platform/db";
import { env } from "@/lib/platform/env";
import { context, createTestArticle } from "../support/articles";
import { createTestUser } from "../support/users";

const SITE = "https://crosscurrent.example";
const ALLOWED = "/media/2026/harbour.jpg";
const REFUSED_IMAGES = [
  "data:text/html,<script>alert(1)</script>",
  "javascript:alert(1)",
  "//evil.example/x.png",
  "https://evil.example/x.png",
];
const REFUSED_LINK = "javascript:alert('link')";
/** What none of the outputs may carry, in any spelling a renderer might give it. */
const FORBIDDEN = ["data:text/html", "javascript:", "evil.example"];

const image = (src: string, alt: string): JSONContent => ({
  type: "image",
  attrs: { src, alt, title: null, width: null, height: null },
});

const TAMPERED: JSONContent = {
  type: "doc",
  content: [
    { type: "paragraph", content: [{ type: "text", text: "Before the pictures." }] },
    ...REFUSED_IMAGES.map((src, index) => image(src, `Refused ${index}`)),
    image(ALLOWED, "The harbour"),
    {
      type: "blockquote",
      content: [image("https://evil.example/nested.png", "Nested refused")],
    },
    {
      type: "paragraph",
      content: [
        {
          type: "text",
          text: "A link that may not be saved",
          marks: [{ type: "link", attrs: { href: REFUSED_LINK, target: null, rel: null, class: null } }],
        },
      ],
    },
  ],
};

let slug = "";

beforeAll(async () => {
  const editor = await createTestUser("EDITOR");
  const article = await createTestArticle(editor, { title: "Pictures of the strait" });
  slug = (await publishArticle({ id: article.id, version: article.version }, context(editor))).slug;
  // Straight to the database: what a restore or a migration could leave behind.
  await db.article.update({ where: { id: article.id }, data: { body: TAMPERED } });
});

function expectOnlyAllowedUrls(output: string) {
  for (const forbidden of FORBIDDEN) expect(output).not.toContain(forbidden);
  for (const index of REFUSED_IMAGES.keys()) expect(output).not.toContain(`Refused ${index}`);
  expect(output).not.toContain("Nested refused");
  // The text of a refused link stays, as text.
  expect(output).toContain("A link that may not be saved");
  expect(output).toContain("Before the pictures.");
}

describe("a body holding addresses the validator refuses", () => {
  it("is saved that way (the premise of these tests)", async () => {
    const stored = await db.article.findFirstOrThrow({ where: { slug }, select: { body: true } });
    expect(JSON.stringify(stored.body)).toContain("evil.example");
  });

  it("renders on the article page with the media image only", async () => {
    const article = (await getPublishedArticle(slug, new Date()))!;
    const html = renderToStaticMarkup(createElement(ArticleView, { article }));
    expectOnlyAllowedUrls(html);
    expect(html).toContain(`<img src="${ALLOWED}" alt="The harbour"`);
    expect(html.match(/<img /g)).toHaveLength(1);
  });

  it("gives React no preload link for a refused image, only for the media one", async () => {
    const article = (await getPublishedArticle(slug, new Date()))!;
    // A whole document, as the page is served: React hoists an image preload into its head.
    const html = renderToString(
      createElement(
        "html",
        null,
        createElement("head"),
        createElement("body", null, createElement(ArticleView, { article })),
      ),
    );
    expectOnlyAllowedUrls(html);
    const preloads = html.match(/<link rel="preload"[^>]*>/g) ?? [];
    expect(preloads).toEqual([`<link rel="preload" as="image" href="${ALLOWED}"/>`]);
  });

  it("reaches the feed with the media image only, made absolute", async () => {
    const xml = (await buildFeed({ kind: "site" }, new Date(), SITE))!;
    expectOnlyAllowedUrls(xml);
    expect(xml).toContain(`<img src="${SITE}${ALLOWED}" alt="The harbour"`);
    expect(xml.match(/<img /g)).toHaveLength(1);
  });

  it("reaches the content API with the media image only, in the JSON and the HTML", async () => {
    const response = await getApiArticle(new NextRequest(`${SITE}/api/v1/articles/${slug}`), {
      params: Promise.resolve({ slug }),
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    expectOnlyAllowedUrls(text);
    const { data } = JSON.parse(text) as { data: { body: JSONContent; html: string } };
    expect(data.html).toContain(`<img src="${env.SITE_URL}${ALLOWED}" alt="The harbour"`);
    expect(data.html.match(/<img /g)).toHaveLength(1);
    const images = (data.body.content ?? []).filter((node) => node.type === "image");
    expect(images.map((node) => node.attrs?.src)).toEqual([ALLOWED]);
  });
});
