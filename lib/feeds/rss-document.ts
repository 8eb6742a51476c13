// Every feed of the site (articles, tags, sources, comments) is written here as RSS 2.0 text.
// Text fields follow the RSS Best Practices Profile: never CDATA, with "<" written as "&#x3C;",
// so a title such as `<svg/onload=…>` parses back to exactly that text and is never markup in the
// raw XML, whatever an aggregator does with it. HTML fields (description, content:encoded) are
// CDATA sections, as feed readers expect.
import { XMLBuilder } from "fast-xml-parser";

export interface RssChannel {
  title: string;
  description: string;
  /** The HTML page this feed mirrors (absolute). */
  link: string;
  /** This feed's own URL (absolute), for atom:link rel="self". */
  selfUrl: string;
  /** BCP 47, the site's language. */
  language: string;
  /** lastBuildDate. */
  updated: Date;
  copyright: string;
}

export interface RssItem {
  title: string;
  /** Absolute; also the item's guid. */
  link: string;
  date: Date;
  /** HTML. */
  description?: string;
  /** HTML: the whole item. */
  content: string;
  categories?: Array<{ name: string; domain: string }>;
  /** Names, in Dublin Core: RSS's own <author> must be an e-mail address, and none is published. */
  creators?: string[];
  contributors?: string[];
  /** BCP 47, as `xml:lang` on the item: the language of its title and content. */
  language?: string;
  /** The piece in other languages on this site, as atom:link rel="alternate" with hreflang. */
  alternates?: Array<{ hreflang: string; href: string; title: string }>;
}

/** Characters XML 1.0 does not allow anywhere, not even in CDATA. */
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text content and attribute values: "<" as the profile asks, "&", ">" and '"' as entities. */
export function escapeFeedText(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&#x3C;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

/** CDATA cannot contain "]]>"; in HTML "&gt;" means ">" in text and attribute values alike. */
const cdata = (html: string) => ({ "#cdata": html.replaceAll("]]>", "]]&gt;") });

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  textNodeName: "#text",
  cdataPropName: "#cdata",
  processEntities: false,
  suppressBooleanAttributes: false,
  tagValueProcessor: (_name, value) => escapeFeedText(String(value)),
  attributeValueProcessor: (_name, value) => escapeFeedText(String(value)),
});

const DOCS = "https://validator.w3.org/feed/docs/rss2.html";

export function writeRss(channel: RssChannel, items: readonly RssItem[]): string {
  const document = {
    "?xml": { "@_version": "1.0", "@_encoding": "utf-8" },
    rss: {
      "@_version": "2.0",
      "@_xmlns:dc": "http://purl.org/dc/elements/1.1/",
      "@_xmlns:content": "http://purl.org/rss/1.0/modules/content/",
      "@_xmlns:atom": "http://www.w3.org/2005/Atom",
      channel: {
        title: channel.title,
        link: channel.link,
        description: channel.description,
        lastBuildDate: channel.updated.toUTCString(),
        docs: DOCS,
        generator: "Crosscurrent",
        language: channel.language,
        copyright: channel.copyright,
        "atom:link": { "@_href": channel.selfUrl, "@_rel": "self", "@_type": "application/rss+xml" },
        item: items.map((item) => ({
          ...(item.language ? { "@_xml:lang": item.language } : {}),
          title: item.title,
          link: item.link,
          guid: { "#text": item.link, "@_isPermaLink": "true" },
          pubDate: item.date.toUTCString(),
          ...(item.description ? { description: cdata(item.description) } : {}),
          "content:encoded": cdata(item.content),
          category: (item.categories ?? []).map((c) => ({ "#text": c.name, "@_domain": c.domain })),
          "dc:creator": item.creators ?? [],
          "dc:contributor": item.contributors ?? [],
          "atom:link": (item.alternates ?? []).map((alternate) => ({
            "@_rel": "alternate",
            "@_type": "text/html",
            "@_hreflang": alternate.hreflang,
            "@_href": alternate.href,
            "@_title": alternate.title,
          })),
        })),
      },
    },
  };
  const xml: string = builder.build(document);
  return xml.replace(INVALID_XML_CHARS, "").toWellFormed();
}
