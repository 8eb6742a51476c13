// RSS 2.0 for the site, a tag or a source. Item content is the article body rendered by the
// renderer for readers off the site (lib/editor/render-html), preceded for reprints by the
// attribution the authorization asks for.
import type { JSONContent } from "@tiptap/core";
import { SOURCE_KIND_LABELS } from "@/lib/sources/fields";
import { LINK_REL } from "@/lib/editor/body-schema";
import { renderBodyHtml } from "@/lib/editor/render-html";
import type { ArticleContentWithBody } from "@/lib/articles/public-articles";
import { articlePath } from "@/lib/articles/paths";
import { languageVersions } from "@/lib/articles/language-versions";
import { absoluteUrl, tagPath } from "@/lib/seo/urls";
import { writeRss } from "./rss-document";

/** Items per feed (site, tag and source alike): the newest, each with its full content. */
export const FEED_ITEM_LIMIT = 20;

export interface FeedChannel {
  title: string;
  description: string;
  /** The HTML page this feed mirrors (absolute). */
  link: string;
  /** This feed's own URL (absolute), for atom:link rel="self". */
  selfUrl: string;
  /** BCP 47, the site's language. */
  language: string;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

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

export function renderItemHtml(article: ArticleContentWithBody, siteUrl: string): string {
  const body = article.body as JSONContent | null;
  const link = absoluteUrl(siteUrl, articlePath(article.slug));
  let html: string;
  try {
    const content = [...attributionNodes(article), ...(body?.content ?? [])];
    html = renderBodyHtml({ type: "doc", content }, siteUrl);
  } catch {
    // A body the renderer cannot read must not take the whole feed down: point to the page.
    html = "";
  }
  if (!html.trim()) {
    html = `<p>${escapeHtml(article.excerpt)}</p><p><a href="${escapeHtml(link)}">Read the article</a></p>`;
  }
  return html;
}

/** The article's versions in other languages than its own: its original, when published beside it. */
const otherVersions = (article: ArticleContentWithBody, siteLanguage: string) =>
  languageVersions(article, article.originalRevisions[0] ?? null, siteLanguage).filter(
    (version) => version.language !== siteLanguage,
  );

const bylineNames = (article: ArticleContentWithBody, role: "AUTHOR" | "TRANSLATOR") =>
  article.bylines.filter((b) => b.role === role).map((b) => b.person.name);

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
  return writeRss(
    {
      ...channel,
      updated: updated ?? input.now,
      copyright: "Reprinted pieces appear with the authorization of their rights holders.",
    },
    articles.map((article) => ({
      title: article.title,
      link: absoluteUrl(siteUrl, articlePath(article.slug)),
      date: article.publishedAt ?? article.updatedAt,
      description: article.excerpt ? escapeHtml(article.excerpt) : undefined,
      content: renderItemHtml(article, siteUrl),
      categories: article.tags.map(({ tag }) => ({
        name: tag.name,
        domain: absoluteUrl(siteUrl, tagPath(tag.slug)),
      })),
      creators: bylineNames(article, "AUTHOR"),
      contributors: bylineNames(article, "TRANSLATOR"),
      // An item is the article, in the site's language; its other versions are linked beside it.
      language: channel.language,
      alternates: otherVersions(article, channel.language).map((version) => ({
        hreflang: version.language,
        href: absoluteUrl(siteUrl, version.path),
        title: version.title,
      })),
    })),
  );
}
