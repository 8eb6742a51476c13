// schema.org JSON-LD for search engines, as plain objects. Pure: no database, no environment;
// the caller passes the site's origin. Render them with <JsonLd> (json-ld-script.tsx), the one
// place that writes script content. The site's own name, logo and language come from its
// identity settings (lib/site), handed in as a `JsonLdSite`.
import type {
  BreadcrumbList,
  CreativeWork,
  OpinionNewsArticle,
  Organization,
  Person,
  QuantitativeValue,
  SearchAction,
  Thing,
  WebPage,
  WebSite,
  WithContext,
} from "schema-dts";
import type { ArticleKind, BylineRole, SourceKind, TagKind } from "@/lib/generated/prisma/enums";
import { attributionText } from "./attribution";
import { articlePath } from "@/lib/articles/paths";
import { absoluteUrl, authorPath, safeHttpUrl, sourcePath } from "./urls";

/** The site as publisher: its title, its logo (a path on the site) and its language. */
export interface JsonLdSite {
  name: string;
  language: string;
  logo: { url: string; width: number; height: number } | null;
}

/** A JSON-LD object as the page carries it; each builder's output is checked against schema.org's
 * vocabulary (schema-dts) where it is built. */
export type JsonLdObject = Record<string, unknown>;

/** What the article builder reads; `ArticleView` (lib/articles/public-articles.ts) satisfies it. */
export interface JsonLdArticleInput {
  slug: string;
  title: string;
  excerpt?: string | null;
  seoDescription?: string | null;
  publishedAt: Date | null;
  /** Falls back to `publishedAt` when absent. */
  updatedAt?: Date | null;
  kind: ArticleKind;
  originalUrl?: string | null;
  originalTitle?: string | null;
  originalLanguage?: string | null;
  isTranslation?: boolean;
  source: { name: string; slug: string; kind?: SourceKind; url?: string | null } | null;
  authorization?: { attributionText: string } | null;
  bylines: ReadonlyArray<{ role: BylineRole; person: { name: string; slug: string } }>;
  tags?: ReadonlyArray<{ tag: { name: string; slug: string; kind: TagKind } }>;
}

/** A version of the piece on this site in another language (lib/articles/language-versions.ts). */
export interface JsonLdVersion {
  path: string;
  title: string;
  language: string;
}

/** Another language version of the piece on this site, as JSON-LD names it: by its page's @id. */
function versionReference(siteUrl: string, version: JsonLdVersion): OpinionNewsArticle {
  const url = absoluteUrl(siteUrl, version.path);
  return {
    "@type": "OpinionNewsArticle",
    "@id": `${url}#article`,
    url,
    headline: version.title,
    inLanguage: version.language,
  };
}

const ENTITY_TYPE = {
  PERSON: "Person",
  PLACE: "Place",
  ORGANIZATION: "Organization",
} as const satisfies Record<Exclude<TagKind, "TOPIC">, string>;

/** Drops keys whose value is undefined, so the output has no empty fields. */
function compact<T>(object: T & object): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}

function nonEmpty<T>(list: T[]): T[] | undefined {
  return list.length > 0 ? list : undefined;
}

const pixels = (value: number): QuantitativeValue => ({
  "@type": "QuantitativeValue",
  value,
  unitCode: "E37",
});

function publisher(siteUrl: string, site: JsonLdSite): Organization {
  return compact<Organization>({
    "@type": "Organization",
    name: site.name,
    url: absoluteUrl(siteUrl, "/"),
    logo: site.logo
      ? {
          "@type": "ImageObject",
          url: absoluteUrl(siteUrl, site.logo.url),
          // schema.org sizes are quantities: pixels are UN/CEFACT unit E37.
          width: pixels(site.logo.width),
          height: pixels(site.logo.height),
        }
      : undefined,
  });
}

function person(siteUrl: string, entry: { name: string; slug: string }): Person {
  return { "@type": "Person", name: entry.name, url: absoluteUrl(siteUrl, authorPath(entry.slug)) };
}

function sourceEntity(
  siteUrl: string,
  source: NonNullable<JsonLdArticleInput["source"]>,
): Person | Organization {
  const named = {
    name: source.name,
    url: safeHttpUrl(source.url) ?? absoluteUrl(siteUrl, sourcePath(source.slug)),
  };
  // A source of kind INDIVIDUAL is a person (a blogger, a columnist), every other kind a body.
  return source.kind === "INDIVIDUAL"
    ? { "@type": "Person", ...named }
    : { "@type": "Organization", ...named };
}

/** What every article object opens with: the page it is, its headline and its language. */
function articlePage(url: string, headline: string, language: string) {
  return {
    "@context": "https://schema.org" as const,
    "@type": "OpinionNewsArticle" as const,
    "@id": `${url}#article`,
    url,
    mainEntityOfPage: { "@type": "WebPage", "@id": url } satisfies WebPage,
    headline,
    inLanguage: language,
  };
}

/**
 * An article as schema.org OpinionNewsArticle: everything we publish is commentary. Reprints
 * name what they are based on, whose copyright they are and the terms they carry.
 */
export function newsArticleJsonLd(
  article: JsonLdArticleInput,
  siteUrl: string,
  site: JsonLdSite,
  /** The original, when it is published on this site beside this translation. */
  publishedOriginal?: JsonLdVersion | null,
): WithContext<OpinionNewsArticle> {
  const url = absoluteUrl(siteUrl, articlePath(article.slug));
  const authors = article.bylines.filter((b) => b.role === "AUTHOR").map((b) => person(siteUrl, b.person));
  const translators = article.bylines
    .filter((b) => b.role === "TRANSLATOR")
    .map((b) => person(siteUrl, b.person));
  const tags = (article.tags ?? []).map((t) => t.tag);
  const entities = tags.flatMap((tag) =>
    tag.kind === "TOPIC" ? [] : [{ "@type": ENTITY_TYPE[tag.kind], name: tag.name } satisfies Thing],
  );
  const keywords = tags.filter((tag) => tag.kind === "TOPIC").map((tag) => tag.name);

  const isReprint = article.kind === "REPRINT";
  const source = isReprint && article.source ? article.source : null;
  const basedOn = isReprint ? (safeHttpUrl(article.originalUrl) ?? safeHttpUrl(source?.url)) : null;
  const terms = attributionText(article);
  const copyrightHolder = source ? sourceEntity(siteUrl, source) : undefined;
  // A reprint is always based on an original: its web address when we know one, otherwise a
  // description of it (a WeChat piece or a print column may have no address we can give).
  const original: CreativeWork | string | undefined = !isReprint
    ? undefined
    : (basedOn ??
      compact<CreativeWork>({
        "@type": "CreativeWork",
        name: article.originalTitle ?? undefined,
        inLanguage: article.originalLanguage ?? undefined,
        author: nonEmpty(authors),
        publisher: copyrightHolder,
      }));
  const published = article.publishedAt?.toISOString();
  const description = article.seoDescription?.trim() || article.excerpt?.trim() || undefined;

  return compact<WithContext<OpinionNewsArticle>>({
    ...articlePage(url, article.title, site.language),
    description,
    datePublished: published,
    dateModified: article.updatedAt?.toISOString() ?? published,
    // Search engines want an author: a reprint without bylines is the source's, ours is ours.
    author: nonEmpty(authors) ?? copyrightHolder ?? publisher(siteUrl, site),
    translator: nonEmpty(translators),
    publisher: publisher(siteUrl, site),
    isAccessibleForFree: true,
    isBasedOn: original,
    translationOfWork: publishedOriginal
      ? versionReference(siteUrl, publishedOriginal)
      : isReprint && article.isTranslation && basedOn
        ? compact<CreativeWork>({
            "@type": "CreativeWork",
            url: basedOn,
            name: article.originalTitle ?? undefined,
            inLanguage: article.originalLanguage ?? undefined,
          })
        : undefined,
    copyrightHolder,
    usageInfo: terms ?? undefined,
    copyrightNotice: terms ?? undefined,
    about: nonEmpty(entities),
    mentions: nonEmpty(entities),
    keywords: nonEmpty(keywords),
  });
}

/** What the page of a published original reads: the article it is the original of, and itself. */
export interface JsonLdOriginalInput {
  original: JsonLdVersion & { authorLine: string; url: string | null };
  translation: JsonLdVersion;
  publishedAt: Date | null;
  source: NonNullable<JsonLdArticleInput["source"]>;
  bylines: JsonLdArticleInput["bylines"];
}

/**
 * A reprinted original published beside its translation: the work the translation translates
 * (`workTranslation`), in its own language, based on the source's page.
 */
export function originalVersionJsonLd(
  input: JsonLdOriginalInput,
  siteUrl: string,
  site: JsonLdSite,
): WithContext<OpinionNewsArticle> {
  const url = absoluteUrl(siteUrl, input.original.path);
  const authors = input.bylines.filter((b) => b.role === "AUTHOR").map((b) => person(siteUrl, b.person));
  const byLine = input.original.authorLine.trim();
  const copyrightHolder = sourceEntity(siteUrl, input.source);
  const published = input.publishedAt?.toISOString();
  return compact<WithContext<OpinionNewsArticle>>({
    ...articlePage(url, input.original.title, input.original.language),
    datePublished: published,
    author:
      nonEmpty(authors) ?? (byLine ? { "@type": "Person", name: byLine.slice(0, 200) } : copyrightHolder),
    publisher: publisher(siteUrl, site),
    isAccessibleForFree: true,
    isBasedOn: safeHttpUrl(input.original.url) ?? undefined,
    copyrightHolder,
    workTranslation: versionReference(siteUrl, input.translation),
  });
}

export interface BreadcrumbItem {
  name: string;
  /** Absolute, or a path resolved against `siteUrl`. */
  url: string;
}

export function breadcrumbJsonLd(
  items: readonly BreadcrumbItem[],
  siteUrl?: string,
): WithContext<BreadcrumbList> {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: items.map((item, index) => ({
      "@type": "ListItem",
      position: index + 1,
      name: item.name,
      item: siteUrl && item.url.startsWith("/") ? absoluteUrl(siteUrl, item.url) : item.url,
    })),
  };
}

/** For the front page: the site, and its search box (Sitelinks search). */
export function websiteJsonLd(siteUrl: string, site: JsonLdSite): WithContext<WebSite> {
  return {
    "@context": "https://schema.org",
    "@type": "WebSite",
    name: site.name,
    url: absoluteUrl(siteUrl, "/"),
    inLanguage: site.language,
    publisher: publisher(siteUrl, site),
    potentialAction: {
      "@type": "SearchAction",
      target: { "@type": "EntryPoint", urlTemplate: absoluteUrl(siteUrl, "/search?q={search_term_string}") },
      // Not a schema.org property: the short form search engines read for the query's slot.
      "query-input": "required name=search_term_string",
    } as SearchAction,
  };
}
