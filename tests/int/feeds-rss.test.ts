// RSS feeds: well-formed RSS 2.0 of the newest public articles only, with full content rendered
// from the article JSON, the reprint attribution, categories and Dublin Core creators — and never
// a commenter's data.
import { Parser } from "htmlparser2";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as siteFeed } from "@/app/feed.xml/route";
import { GET as sourceFeed } from "@/app/feeds/sources/[slug]/route";
import { GET as tagFeed } from "@/app/feeds/tags/[slug]/route";
import { publishArticle } from "@/lib/articles/workflow";
import { db } from "@/lib/platform/db";
import { renderToHTMLString } from "@tiptap/static-renderer/pm/html-string";
import type { JSONContent } from "@tiptap/core";
import { articleContentWithBodySelect } from "@/lib/articles/public-articles";
import { publicArticleWhere } from "@/lib/articles/visibility";
import { articleExtensions } from "@/lib/editor/extensions";
import { buildFeed, listFeedArticles } from "@/lib/feeds/data";
import { attributionNodes, FEED_ITEM_LIMIT, renderItemHtml } from "@/lib/feeds/rss";
import type { CurrentUser } from "@/lib/platform/session";
import { context, createTestArticle } from "../support/articles";
import { createTestUser } from "../support/users";

const SITE = "https://crosscurrent.example";
const COMMENTER_EMAIL = "secret-commenter@example.com";

// ─── A strict-enough XML reader on htmlparser2 ──────────────────────────────────────────────
interface XmlElement {
  name: string;
  attribs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** Parses XML into a tree, failing on anything htmlparser2 would have to repair. */
function parseXml(xml: string): XmlElement {
  expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
  const outsideCdata = xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, "");
  expect(outsideCdata).not.toMatch(/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/);
  expect(outsideCdata).not.toMatch(/<(?![A-Za-z_/?!])/);
  expect(outsideCdata).not.toContain("]]>");

  const root: XmlElement = { name: "#document", attribs: {}, children: [], text: "" };
  const stack: XmlElement[] = [root];
  const errors: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attribs, isImplied) {
        if (isImplied) errors.push(`implied <${name}>`);
        const element: XmlElement = { name, attribs, children: [], text: "" };
        stack.at(-1)!.children.push(element);
        stack.push(element);
      },
      onclosetag(name, isImplied) {
        // htmlparser2 reports the end of a self-closing tag as "implied" too: only a missing
        // end tag is an error.
        const selfClosing = xml.slice(parser.startIndex, parser.endIndex + 1).endsWith("/>");
        if (isImplied && !selfClosing) errors.push(`unclosed <${name}>`);
        const open = stack.pop();
        if (open?.name !== name) errors.push(`</${name}> closes <${open?.name}>`);
      },
      ontext(text) {
        const current = stack.at(-1)!;
        if (current === root && text.trim()) errors.push(`text outside the root: ${text.slice(0, 40)}`);
        current.text += text;
      },
      onerror(error) {
        errors.push(error.message);
      },
    },
    { xmlMode: true },
  );
  parser.end(xml);
  expect(errors).toEqual([]);
  expect(stack).toEqual([root]);
  expect(root.children.filter((c) => !c.name.startsWith("?"))).toHaveLength(1);
  return root.children.at(-1)!;
}

const child = (element: XmlElement, name: string) => element.children.find((c) => c.name === name);
const children = (element: XmlElement, name: string) => element.children.filter((c) => c.name === name);
const textOf = (element: XmlElement | undefined) => element?.text.trim() ?? "";

function channelOf(xml: string) {
  const rss = parseXml(xml);
  expect(rss.name).toBe("rss");
  expect(rss.attribs.version).toBe("2.0");
  const channel = child(rss, "channel")!;
  expect(channel).toBeDefined();
  return { rss, channel, items: children(channel, "item") };
}

/** An item's HTML content, parsed as HTML: its elements and its text. */
function htmlOf(html: string) {
  const tags: { name: string; attribs: Record<string, string> }[] = [];
  let text = "";
  const parser = new Parser({
    onopentag: (name, attribs) => tags.push({ name, attribs }),
    ontext: (t) => (text += t),
  });
  parser.end(html);
  return { tags, text };
}

// ─── Data ────────────────────────────────────────────────────────────────────────────────────
let editor: CurrentUser;
const slugs = { reprint: "", original: "", draft: "", unlicensed: "" };

async function publish(article: { id: string; version: number }) {
  return publishArticle({ id: article.id, version: article.version }, context(editor));
}

beforeAll(async () => {
  editor = await createTestUser("EDITOR");
  const [author, translator] = await Promise.all([
    db.person.create({ data: { name: "Tiger knife", slug: "tiger-knife-feed-test" } }),
    db.person.create({ data: { name: "Lin Translator", slug: "lin-translator-feed-test" } }),
  ]);
  const [japan, strait] = await Promise.all([
    db.tag.create({ data: { name: "Japan & Taiwan", slug: "japan-taiwan-feed-test", kind: "PLACE" } }),
    db.tag.create({ data: { name: "Taiwan Strait", slug: "taiwan-strait-feed-test", kind: "PLACE" } }),
  ]);
  const source = await db.source.create({
    data: {
      name: "Bu Yidao",
      slug: "bu-yidao-feed-test",
      kind: "WECHAT_ACCOUNT",
      contactEmail: "rights-holder@example.com",
    },
  });
  await db.reprintAuthorization.create({
    data: {
      sourceId: source.id,
      status: "GRANTED",
      validFrom: new Date(Date.now() - 86_400_000),
      attributionRequired: true,
      attributionText: "Used with the kind permission of Bu Yidao.",
      linkBackRequired: true,
      translationAllowed: true,
    },
  });

  const reprint = await createTestArticle(editor, {
    title: "High-level calls between China and Japan ]]> with ]]> brackets",
    excerpt: "Why <b>this</b> call & that one matter.",
    kind: "REPRINT",
    sourceId: source.id,
    isTranslation: true,
    originalUrl: "https://mp.weixin.qq.com/s/original?a=1&b=2",
    originalTitle: "今天，中日高层通话",
    bylines: [
      { personId: author.id, role: "AUTHOR" },
      { personId: translator.id, role: "TRANSLATOR" },
    ],
    tagIds: [japan.id, strait.id],
    paragraphs: [
      "This is a bomb on the situation in the Taiwan Strait.",
      "<script>alert('x')</script> & ]]> stays text.",
    ],
  });
  slugs.reprint = (await publish(reprint)).slug;
  await db.comment.create({
    data: {
      articleId: reprint.id,
      authorName: "A reader",
      authorEmail: COMMENTER_EMAIL,
      body: "A comment that must never reach a feed.",
      status: "APPROVED",
    },
  });

  const original = await createTestArticle(editor, {
    title: "Our own view",
    excerpt: "",
    body: {
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "An original piece with a picture." }] },
        {
          type: "image",
          attrs: { src: "/media/abc123/photo.jpg", alt: "A harbour", title: null, width: null, height: null },
        },
      ],
    },
    tagIds: [strait.id],
  });
  slugs.original = (await publish(original)).slug;

  const draft = await createTestArticle(editor, { title: "A draft in the strait", tagIds: [strait.id] });
  slugs.draft = draft.slug;
  const otherSource = await db.source.create({
    data: { name: "No rights yet", slug: "no-rights-feed-test", kind: "WEBSITE" },
  });
  const unlicensed = await createTestArticle(editor, {
    title: "An unlicensed reprint",
    kind: "REPRINT",
    sourceId: otherSource.id,
  });
  slugs.unlicensed = unlicensed.slug;
});

// ─── Tests ───────────────────────────────────────────────────────────────────────────────────
describe("the XML reader of these tests", () => {
  it("rejects documents that are not well-formed", () => {
    const declaration = '<?xml version="1.0" encoding="utf-8"?>';
    expect(parseXml(`${declaration}<a><b/><c x="1">t &amp; <![CDATA[<p>]]></c></a>`).name).toBe("a");
    for (const bad of [
      "<a></a>",
      `${declaration}<a><b></a>`,
      `${declaration}<a>unclosed`,
      `${declaration}<a></a><b></b>`,
      `${declaration}<a>AT&T</a>`,
      `${declaration}<a>1 < 2</a>`,
      `${declaration}<a><![CDATA[x]]>]]></a>`,
      `${declaration}<a>\u0001</a>`,
    ]) {
      expect(() => parseXml(bad), bad).toThrow();
    }
  });
});

describe("the site feed", () => {
  it("is well-formed RSS 2.0 with the public articles only, newest first", async () => {
    const xml = (await buildFeed({ kind: "site" }, new Date(), SITE))!;
    const { rss, channel, items } = channelOf(xml);
    expect(rss.attribs["xmlns:dc"]).toBe("http://purl.org/dc/elements/1.1/");
    expect(rss.attribs["xmlns:content"]).toBe("http://purl.org/rss/1.0/modules/content/");
    expect(textOf(child(channel, "title"))).toBe("Crosscurrent");
    expect(textOf(child(channel, "link"))).toBe(`${SITE}/`);
    expect(child(channel, "atom:link")?.attribs).toMatchObject({ href: `${SITE}/feed.xml`, rel: "self" });
    const links = items.map((item) => textOf(child(item, "link")));
    expect(links).toEqual([`${SITE}/articles/${slugs.original}`, `${SITE}/articles/${slugs.reprint}`]);
    expect(xml).not.toContain(slugs.draft);
    expect(xml).not.toContain(slugs.unlicensed);
  });

  it("gives each item its canonical URL as guid, a date, categories and Dublin Core creators", async () => {
    const { items } = channelOf((await buildFeed({ kind: "site" }, new Date(), SITE))!);
    const reprint = items.find((i) => textOf(child(i, "link")).endsWith(slugs.reprint))!;
    const guid = child(reprint, "guid")!;
    expect(textOf(guid)).toBe(`${SITE}/articles/${slugs.reprint}`);
    expect(guid.attribs.isPermaLink).toBe("true");
    expect(Number.isNaN(Date.parse(textOf(child(reprint, "pubDate"))))).toBe(false);
    expect(textOf(child(reprint, "title"))).toBe(
      "High-level calls between China and Japan ]]> with ]]> brackets",
    );
    expect(children(reprint, "category").map((c) => [textOf(c), c.attribs.domain])).toEqual([
      ["Japan & Taiwan", `${SITE}/tags/japan-taiwan-feed-test`],
      ["Taiwan Strait", `${SITE}/tags/taiwan-strait-feed-test`],
    ]);
    expect(children(reprint, "dc:creator").map(textOf)).toEqual(["Tiger knife"]);
    expect(children(reprint, "dc:contributor").map(textOf)).toEqual(["Lin Translator"]);
    // RSS <author> must be an e-mail address: none is published.
    expect(children(reprint, "author")).toEqual([]);
    // The excerpt is HTML-escaped text.
    expect(htmlOf(textOf(child(reprint, "description"))).text).toBe(
      "Why <b>this</b> call & that one matter.",
    );
  });

  it("carries the full body rendered from the JSON, led by the reprint attribution", async () => {
    const { items } = channelOf((await buildFeed({ kind: "site" }, new Date(), SITE))!);
    const reprint = items.find((i) => textOf(child(i, "link")).endsWith(slugs.reprint))!;
    const html = htmlOf(child(reprint, "content:encoded")!.text);
    expect(html.text).toContain(
      "Source: WeChat official account Bu Yidao. Reprinted with authorization, translated.",
    );
    expect(html.text).toContain("Used with the kind permission of Bu Yidao.");
    expect(html.text).toContain("Original: 今天，中日高层通话");
    expect(html.tags).toContainEqual({
      name: "a",
      attribs: { rel: "noopener noreferrer nofollow", href: "https://mp.weixin.qq.com/s/original?a=1&b=2" },
    });
    expect(html.text.indexOf("Reprinted with authorization")).toBeLessThan(
      html.text.indexOf("Taiwan Strait"),
    );
    expect(html.text).toContain("This is a bomb on the situation in the Taiwan Strait.");
    // Body text stays text: no element comes out of it.
    expect(html.text).toContain("<script>alert('x')</script> & ]]> stays text.");
    expect(html.tags.map((t) => t.name)).not.toContain("script");

    const original = items.find((i) => textOf(child(i, "link")).endsWith(slugs.original))!;
    const originalHtml = htmlOf(child(original, "content:encoded")!.text);
    expect(originalHtml.text).not.toContain("Reprinted");
    expect(originalHtml.tags).toContainEqual({
      name: "img",
      attribs: { src: `${SITE}/media/abc123/photo.jpg`, alt: "A harbour" },
    });
    expect(child(original, "description")).toBeUndefined();
    expect(children(original, "category").map(textOf)).toEqual(["Taiwan Strait"]);
  });

  it("never carries comment data or a source's contact details", async () => {
    const xml = (await buildFeed({ kind: "site" }, new Date(), SITE))!;
    expect(xml).not.toContain(COMMENTER_EMAIL);
    expect(xml).not.toContain("A comment that must never reach a feed.");
    expect(xml).not.toContain("rights-holder@example.com");
    expect(xml).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
  });
});

describe("tag and source feeds", () => {
  it("hold the public articles of that tag or source", async () => {
    const tag = channelOf(
      (await buildFeed({ kind: "tag", slug: "taiwan-strait-feed-test" }, new Date(), SITE))!,
    );
    expect(textOf(child(tag.channel, "title"))).toBe("Crosscurrent: Taiwan Strait");
    expect(textOf(child(tag.channel, "link"))).toBe(`${SITE}/tags/taiwan-strait-feed-test`);
    expect(tag.items.map((i) => textOf(child(i, "link")))).toEqual([
      `${SITE}/articles/${slugs.original}`,
      `${SITE}/articles/${slugs.reprint}`,
    ]);
    const japan = channelOf(
      (await buildFeed({ kind: "tag", slug: "japan-taiwan-feed-test" }, new Date(), SITE))!,
    );
    expect(textOf(child(japan.channel, "title"))).toBe("Crosscurrent: Japan & Taiwan");
    expect(japan.items).toHaveLength(1);

    const source = channelOf(
      (await buildFeed({ kind: "source", slug: "bu-yidao-feed-test" }, new Date(), SITE))!,
    );
    expect(source.items.map((i) => textOf(child(i, "link")))).toEqual([`${SITE}/articles/${slugs.reprint}`]);
    expect(child(source.channel, "atom:link")?.attribs.href).toBe(`${SITE}/feeds/sources/bu-yidao-feed-test`);
    // A source with nothing public has an empty, still valid feed.
    const empty = channelOf(
      (await buildFeed({ kind: "source", slug: "no-rights-feed-test" }, new Date(), SITE))!,
    );
    expect(empty.items).toEqual([]);
  });

  it("are null for unknown or malformed slugs", async () => {
    for (const slug of ["no-such-tag", "../etc/passwd", "", "Upper-Case", "a".repeat(300)]) {
      expect(await buildFeed({ kind: "tag", slug }, new Date(), SITE)).toBeNull();
      expect(await buildFeed({ kind: "source", slug }, new Date(), SITE)).toBeNull();
    }
  });
});

describe("the feed routes", () => {
  it("answer RSS with a short public cache, and 404 for unknown tags and sources", async () => {
    const response = await siteFeed();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("public, max-age=30, s-maxage=30");
    expect(channelOf(await response.text()).items.length).toBeGreaterThan(0);

    const request = new Request("http://localhost/feeds");
    const tag = await tagFeed(request, { params: Promise.resolve({ slug: "taiwan-strait-feed-test" }) });
    expect(tag.status).toBe(200);
    expect(tag.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    expect((await tagFeed(request, { params: Promise.resolve({ slug: "nope" }) })).status).toBe(404);
    expect((await tagFeed(request, { params: Promise.resolve({ slug: "%E0%A4%A" }) })).status).toBe(404);
    expect(
      (await sourceFeed(request, { params: Promise.resolve({ slug: "bu-yidao-feed-test" }) })).status,
    ).toBe(200);
    expect((await sourceFeed(request, { params: Promise.resolve({ slug: "nope" }) })).status).toBe(404);
  });
});

describe("the feed length", () => {
  it("is the newest 20 public articles", async () => {
    expect(FEED_ITEM_LIMIT).toBe(20);
    for (let i = 0; i < FEED_ITEM_LIMIT; i++) {
      await publish(await createTestArticle(editor, { title: `Filler ${i}` }));
    }
    const { items } = channelOf((await buildFeed({ kind: "site" }, new Date(), SITE))!);
    expect(items).toHaveLength(FEED_ITEM_LIMIT);
    expect(textOf(child(items[0]!, "title"))).toBe(`Filler ${FEED_ITEM_LIMIT - 1}`);
    expect(items.map((i) => textOf(child(i, "link")))).not.toContain(`${SITE}/articles/${slugs.reprint}`);
  });
});

describe("the feed's reads and rendering", () => {
  it("reads the items in one pass, exactly as the Prisma select would", async () => {
    const now = new Date();
    const expected = await db.article.findMany({
      where: publicArticleWhere(now),
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      take: 100,
      select: articleContentWithBodySelect,
    });
    const items = await listFeedArticles({}, now, 100);
    expect(items).toEqual(expected);
    const reprint = items.find((a) => a.slug === slugs.reprint)!;
    expect(reprint.bylines.map((b) => [b.role, b.person.name])).toEqual([
      ["AUTHOR", "Tiger knife"],
      ["TRANSLATOR", "Lin Translator"],
    ]);
    expect(reprint.tags.map((t) => t.tag.slug)).toEqual([
      "japan-taiwan-feed-test",
      "taiwan-strait-feed-test",
    ]);
    expect(reprint.authorization).toMatchObject({ attributionRequired: true, linkBackRequired: true });
    expect(items.find((a) => a.slug === slugs.original)).toMatchObject({ source: null, authorization: null });
    expect(items.map((a) => a.slug)).not.toContain(slugs.draft);
    expect(items.map((a) => a.slug)).not.toContain(slugs.unlicensed);
    expect(await listFeedArticles({ slug: "no-such-article" }, now)).toEqual([]);
  });

  it("renders each item as the renderer does from JSON, and falls back to the excerpt", async () => {
    const [reprint] = await listFeedArticles({ slug: slugs.reprint }, new Date());
    const body = reprint!.body as JSONContent;
    const fromJson = renderToHTMLString({
      content: { type: "doc", content: [...attributionNodes(reprint!), ...(body.content ?? [])] },
      extensions: articleExtensions,
    });
    expect(renderItemHtml(reprint!, SITE)).toBe(fromJson);
    const unreadable = {
      ...reprint!,
      kind: "ORIGINAL" as const,
      body: { type: "doc", content: [{ type: "nope" }] },
    };
    expect(renderItemHtml(unreadable, SITE)).toContain("Read the article");
  });
});
