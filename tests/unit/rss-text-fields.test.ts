// Every feed of the site is written by writeRss, so every text field and attribute value it
// writes is checked here with markup in it: the RSS Best Practices Profile's "&#x3C;" for "<" in
// the raw XML, never a tag, and the very same text read back by a real feed parser. Only the HTML
// fields (description, content:encoded) are CDATA, as before.
import { parseFeed } from "@rowanmanning/feed-parser";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { writeRss, type RssChannel, type RssItem } from "@/lib/feeds/rss-document";

const probe = (field: string) => `<svg/onload=alert(1)> & ]]> ${field}`;

const channel: RssChannel = {
  title: probe("channel-title"),
  description: probe("channel-description"),
  link: `https://crosscurrent.example/?q=${probe("channel-link")}`,
  selfUrl: `https://crosscurrent.example/feed.xml?q=${probe("self")}`,
  language: probe("language"),
  updated: new Date("2031-05-01T08:00:00.000Z"),
  copyright: probe("copyright"),
};

const item: RssItem = {
  title: probe("item-title"),
  link: `https://crosscurrent.example/articles/${probe("item-link")}`,
  date: new Date("2031-05-01T07:00:00.000Z"),
  description: "<p>An excerpt with <b>markup</b>.</p>",
  content: "<p>The body, as HTML.</p>",
  categories: [{ name: probe("category"), domain: `https://crosscurrent.example/tags/${probe("domain")}` }],
  creators: [probe("creator")],
  contributors: [probe("contributor")],
};

const TEXT_FIELDS = [
  "channel-title",
  "channel-description",
  "channel-link",
  "self",
  "language",
  "copyright",
  "item-title",
  "item-link",
  "category",
  "domain",
  "creator",
  "contributor",
];

const xml = writeRss(channel, [item]);
const outsideCdata = xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, "");

describe("feed text fields", () => {
  it("write every '<' of every text field and attribute as &#x3C;, never as a tag", () => {
    expect(outsideCdata).not.toMatch(/<svg/i);
    expect(outsideCdata).not.toContain("&lt;");
    for (const field of TEXT_FIELDS) {
      expect(outsideCdata, field).toContain(`&#x3C;svg/onload=alert(1)&gt; &amp; ]]&gt; ${field}`);
    }
  });

  it("read back exactly through a feed parser", () => {
    const feed = parseFeed(xml);
    expect(feed.title).toBe(channel.title);
    expect(feed.description).toBe(channel.description);
    expect(feed.copyright).toBe(channel.copyright);
    // For RSS the parser's feed element is the channel.
    const channelText = (name: string) => feed.element.findElementWithName(name)?.textContentNormalized;
    expect(channelText("link")).toBe(channel.link);
    expect(channelText("language")).toBe(channel.language);

    const [parsed] = feed.items;
    expect(parsed?.title).toBe(item.title);
    const itemText = (name: string) =>
      parsed?.element.findElementsWithName(name).map((element) => element.textContentNormalized);
    expect(itemText("link")).toEqual([item.link]);
    expect(itemText("guid")).toEqual([item.link]);
    expect(itemText("creator")).toEqual(item.creators);
    expect(itemText("contributor")).toEqual(item.contributors);
    expect(parsed?.categories.map((c) => c.term)).toEqual([item.categories![0]!.name]);
    // This parser leaves character references in attribute values undecoded: a strict XML parser
    // reads the attributes back.
    const strict = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", htmlEntities: true });
    const { rss } = strict.parse(xml) as {
      rss: { channel: { "atom:link": { href: string }; item: { category: { domain: string } } } };
    };
    expect(rss.channel["atom:link"].href).toBe(channel.selfUrl);
    expect(rss.channel.item.category.domain).toBe(item.categories![0]!.domain);
    // The HTML fields stay HTML.
    expect(parsed?.description).toBe(item.description);
    expect(parsed?.content).toBe(item.content);
  });
});
