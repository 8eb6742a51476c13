// Feed text fields follow the RSS Best Practices Profile: every "<" of a title, a name, a category
// or a channel title is written as "&#x3C;", never as raw markup in CDATA, so a maintained feed
// parser reads back exactly the original text while the raw XML carries no tag outside the HTML
// content. Checked on every feed: site, tag, source, site comments and an article's comments.
import { parseFeed } from "@rowanmanning/feed-parser";
import type { FeedItem } from "@rowanmanning/feed-parser/lib/feed/item/base";
import { beforeAll, describe, expect, it } from "vitest";
import { publishArticle } from "@/lib/articles/workflow";
import { buildCommentsFeed } from "@/lib/feeds/comments";
import { buildFeed } from "@/lib/feeds/data";
import { db } from "@/lib/platform/db";
import type { CurrentUser } from "@/lib/platform/session";
import { context, createTestArticle } from "../support/articles";
import { createTestUser } from "../support/users";

const SITE = "https://crosscurrent.example";
const TITLE = "<svg/onload=alert('title')> & ]]> the strait";
const AUTHOR = "<svg/onload=alert('author')>";
const TRANSLATOR = "<img src=x onerror=alert('translator')>";
const TAG = "<svg/onload=alert('tag')>";
const SOURCE = "<svg/onload=alert('source')>";
const READER = "<svg/onload=alert('reader')>";
const BODY_TEXT = "A paragraph with <svg/onload=alert('body')> as text.";

let slug = "";

beforeAll(async () => {
  const editor: CurrentUser = await createTestUser("EDITOR");
  const [author, translator] = await Promise.all([
    db.person.create({ data: { name: AUTHOR, slug: "payload-author" } }),
    db.person.create({ data: { name: TRANSLATOR, slug: "payload-translator" } }),
  ]);
  const tag = await db.tag.create({ data: { name: TAG, slug: "payload-tag", kind: "TOPIC" } });
  await db.source.create({ data: { name: SOURCE, slug: "payload-source", kind: "WEBSITE" } });
  const article = await createTestArticle(editor, {
    title: TITLE,
    excerpt: "An excerpt with <b>markup</b>.",
    tagIds: [tag.id],
    bylines: [
      { personId: author.id, role: "AUTHOR" },
      { personId: translator.id, role: "TRANSLATOR" },
    ],
    paragraphs: [BODY_TEXT],
  });
  slug = (await publishArticle({ id: article.id, version: article.version }, context(editor))).slug;
  await db.comment.create({
    data: {
      articleId: article.id,
      authorName: READER,
      authorEmail: "reader@example.com",
      body: "A reply with <svg/onload=alert(1)> in it.",
      status: "APPROVED",
    },
  });
});

/** The raw XML without its CDATA sections: the HTML fields, which are markup by design. */
const outsideCdata = (xml: string) => xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, "");

/**
 * The text of an item's elements of one name, as the parser read them. (Its `authors` reads
 * "Name <address>" contact strings, so a name written as a tag would not come back whole there.)
 */
function texts(item: FeedItem | undefined, name: string): string[] {
  return item?.element.findElementsWithName(name).map((element) => element.textContentNormalized) ?? [];
}

function expectNoMarkupInText(xml: string) {
  const text = outsideCdata(xml);
  expect(text).not.toMatch(/<svg|<img/i);
  // The escape is the profile's, not only "&lt;".
  expect(text).toContain("&#x3C;svg");
  expect(text).not.toContain("&lt;");
}

describe("article feeds", () => {
  it("carry titles, creators, categories and channel titles exactly, with '<' as &#x3C;", async () => {
    const feeds = {
      site: (await buildFeed({ kind: "site" }, new Date(), SITE))!,
      tag: (await buildFeed({ kind: "tag", slug: "payload-tag" }, new Date(), SITE))!,
      source: (await buildFeed({ kind: "source", slug: "payload-source" }, new Date(), SITE))!,
    };
    for (const xml of [feeds.site, feeds.tag]) {
      expectNoMarkupInText(xml);
      const [item] = parseFeed(xml).items;
      expect(item?.title).toBe(TITLE);
      expect(texts(item, "creator")).toEqual([AUTHOR]);
      expect(texts(item, "contributor")).toEqual([TRANSLATOR]);
      expect(item?.categories.map((c) => c.term)).toEqual([TAG]);
      // Descriptions and content stay HTML in CDATA, as before: text in that HTML is escaped.
      expect(xml).toContain(
        "<description><![CDATA[An excerpt with &lt;b&gt;markup&lt;/b&gt;.]]></description>",
      );
      expect(xml).toContain("<![CDATA[<p>A paragraph with &lt;svg/onload=alert('body')&gt; as text.</p>]]>");
    }
    expect(parseFeed(feeds.tag).title).toBe(`Crosscurrent: ${TAG}`);
    expect(parseFeed(feeds.tag).description).toBe(`Articles about ${TAG} on Crosscurrent.`);
    // The source has nothing public: its feed is empty, its channel text still escaped.
    expect(outsideCdata(feeds.source)).not.toMatch(/<svg/i);
    expect(parseFeed(feeds.source).title).toBe(`Crosscurrent: ${SOURCE}`);
    expect(parseFeed(feeds.source).description).toBe(
      `Articles from ${SOURCE}, reprinted with authorization on Crosscurrent.`,
    );
  });
});

describe("comment feeds", () => {
  it("carry reader names and article titles exactly, with '<' as &#x3C;", async () => {
    const site = (await buildCommentsFeed({ kind: "site" }, new Date(), SITE))!;
    const article = (await buildCommentsFeed({ kind: "article", slug }, new Date(), SITE))!;
    for (const xml of [site, article]) {
      expectNoMarkupInText(xml);
      const [item] = parseFeed(xml).items;
      expect(texts(item, "creator")).toEqual([READER]);
      expect(xml).toContain("<![CDATA[<p>A reply with &lt;svg/onload=alert(1)&gt; in it.</p>]]>");
    }
    expect(parseFeed(site).items[0]?.title).toBe(`${READER} on “${TITLE}”`);
    expect(parseFeed(article).items[0]?.title).toBe(`By ${READER}`);
    expect(parseFeed(article).title).toBe(`Comments on “${TITLE}”`);
    expect(parseFeed(article).description).toBe(`Reader comments on “${TITLE}” on Crosscurrent.`);
  });
});
