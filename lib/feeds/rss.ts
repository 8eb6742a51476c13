// RSS 2.0 for the site, a tag or a source. Item content is the article body rendered from its
// Tiptap JSON by the same extension list the site uses (text and attributes escaped by the
// renderer), preceded for reprints by the attribution the authorization asks for.
import { getSchema, type JSONContent } from "@tiptap/core";
import { Node as ProseMirrorNode, type Schema } from "@tiptap/pm/model";
import { renderToHTMLString } from "@tiptap/static-renderer/pm/html-string";
import { Feed, type Category, type Extension } from "feed";
import { SOURCE_KIND_LABELS } from "@/lib/sources/fields";
import { LINK_REL } from "@/lib/editor/body-schema";
import { articleExtensions } from "@/lib/editor/extensions";
import type { ArticleContentWithBody } from "@/lib/articles/public-articles";
import { articlePath } from "@/lib/articles/paths";
import { absoluteUrl, tagPath } from "@/lib/seo/urls";

/** Items per feed (site, tag and source alike): the newest, each with its full content. */
export const FEED_ITEM_LIMIT = 20;

export interface FeedChannel {
  title: string;
  description: string;
  /** The HTML page this feed mirrors (absolute). */
  link: string;
  /** This feed's own URL (absolute), for atom:link rel="self". */
  selfUrl: string;
}

/** Characters XML 1.0 does not allow anywhere, not even in CDATA. */
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** For attribute values the XML writer copies as they are (it only escapes double quotes). */
const escapeAttribute = (value: string) => value.replace(/&/g, "&amp;").replace(/</g, "&lt;");

/**
 * CDATA cannot contain "]]>" and the XML writer splits only its first occurrence. In HTML,
 * "&gt;" means ">" in text and in attribute values alike, so nothing changes for the reader.
 */
export const cdataSafeHtml = (html: string) => html.replaceAll("]]>", "]]&gt;");
/** Titles are plain text: an invisible word joiner keeps "]]>" from closing the section. */
export const cdataSafeText = (text: string) => text.replaceAll("]]>", "]]\u2060>");

const text = (value: string, marks: JSONContent["marks"] = []): JSONContent => ({
  type: "text",
  text: value,
  ...(marks.length ? { marks } : {}),
});

/** The attribution paragraph of a reprint, as document nodes, so the renderer escapes it. */
export function attributionNodes(article: ArticleContentWithBody): JSONContent[] {
  if (article.kind !== "REPRINT" || !article.source) return [];
  const italic = [{ type: "italic" }];
  const notes = [
    "Reprinted with authorization",
    article.isTranslation ? "translated" : null,
    article.isModified ? "edited" : null,
  ].filter(Boolean);
  const parts: JSONContent[] = [
    text(
      `Source: ${SOURCE_KIND_LABELS[article.source.kind]} ${article.source.name}. ${notes.join(", ")}.`,
      italic,
    ),
  ];
  const authorization = article.authorization;
  const attributionText = authorization?.attributionRequired ? authorization.attributionText.trim() : "";
  if (attributionText) parts.push({ type: "hardBreak" }, text(attributionText, italic));
  if (authorization?.linkBackRequired && article.originalUrl) {
    const link = {
      type: "link",
      attrs: { href: article.originalUrl, target: null, rel: LINK_REL, class: null, title: null },
    };
    parts.push(
      { type: "hardBreak" },
      text("Original: ", italic),
      text(article.originalTitle?.trim() || article.originalUrl, [...italic, link]),
    );
  }
  return [{ type: "paragraph", content: parts }, { type: "horizontalRule" }];
}

/** Media paths are site-relative; a feed reader needs them absolute. */
function absolutizeMedia(node: JSONContent, siteUrl: string): JSONContent {
  const src = node.attrs?.src;
  const attrs =
    node.type === "image" && typeof src === "string" && src.startsWith("/")
      ? { ...node.attrs, src: absoluteUrl(siteUrl, src) }
      : node.attrs;
  return {
    ...node,
    ...(attrs ? { attrs } : {}),
    ...(node.content ? { content: node.content.map((child) => absolutizeMedia(child, siteUrl)) } : {}),
  };
}

let articleSchema: Schema | undefined;

/**
 * The renderer builds the editor schema from the extension list on every call when given JSON,
 * which costs more than rendering a body; a feed builds it once and hands over documents.
 */
function articleDocument(doc: JSONContent): ProseMirrorNode | JSONContent {
  articleSchema ??= getSchema(articleExtensions);
  try {
    return ProseMirrorNode.fromJSON(articleSchema, doc);
  } catch {
    // Not a document of this schema: let the renderer decide, as it does for any JSON.
    return doc;
  }
}

export function renderItemHtml(article: ArticleContentWithBody, siteUrl: string): string {
  const body = article.body as JSONContent | null;
  const link = absoluteUrl(siteUrl, articlePath(article.slug));
  let html: string;
  try {
    const content = [
      ...attributionNodes(article),
      ...(body?.content ?? []).map((n) => absolutizeMedia(n, siteUrl)),
    ];
    html = renderToHTMLString({
      content: articleDocument({ type: "doc", content }),
      extensions: articleExtensions,
    });
  } catch {
    // A body the renderer cannot read must not take the whole feed down: point to the page.
    html = "";
  }
  if (!html.trim()) {
    html = `<p>${escapeHtml(article.excerpt)}</p><p><a href="${escapeHtml(link)}">Read the article</a></p>`;
  }
  return cdataSafeHtml(html);
}

function creators(article: ArticleContentWithBody): Extension[] {
  const names = (role: "AUTHOR" | "TRANSLATOR") =>
    article.bylines.filter((b) => b.role === role).map((b) => ({ _text: b.person.name }));
  const extensions: Extension[] = [];
  // RSS <author> must be an e-mail address; bylines are names, so they go in Dublin Core.
  const authors = names("AUTHOR");
  const translators = names("TRANSLATOR");
  if (authors.length)
    extensions.push({ name: "dc:creator", objects: authors as unknown as Record<string, unknown> });
  if (translators.length)
    extensions.push({ name: "dc:contributor", objects: translators as unknown as Record<string, unknown> });
  return extensions;
}

export function buildRssFeed(input: {
  siteUrl: string;
  channel: FeedChannel;
  articles: ArticleContentWithBody[];
  /** lastBuildDate when there are no items. */
  now: Date;
}): string {
  const { siteUrl, channel, articles } = input;
  const updated = articles.reduce<Date | null>(
    (latest, a) => (!latest || a.updatedAt > latest ? a.updatedAt : latest),
    null,
  );
  const feed = new Feed({
    title: channel.title,
    description: channel.description,
    id: channel.link,
    link: channel.link,
    language: "en",
    updated: updated ?? input.now,
    generator: "Crosscurrent",
    feedLinks: { rss: channel.selfUrl },
    copyright: "Reprinted pieces appear with the authorization of their rights holders.",
  });
  for (const article of articles) {
    const link = absoluteUrl(siteUrl, articlePath(article.slug));
    const category: Category[] = article.tags.map(({ tag }) => ({
      name: tag.name,
      domain: escapeAttribute(absoluteUrl(siteUrl, tagPath(tag.slug))),
    }));
    feed.addItem({
      title: cdataSafeText(article.title),
      // No guid or id: the feed package then writes the link as <guid isPermaLink="true">.
      link,
      date: article.publishedAt ?? article.updatedAt,
      description: article.excerpt ? escapeHtml(article.excerpt) : undefined,
      content: renderItemHtml(article, siteUrl),
      category,
      extensions: creators(article),
    });
  }
  return serializeFeed(feed);
}

/** RSS 2.0 text of `feed`, with what XML 1.0 cannot carry taken out. */
export function serializeFeed(feed: Feed): string {
  return feed.rss2().replace(INVALID_XML_CHARS, "").toWellFormed();
}
