// The versions of one piece on this site, in each language: the article itself, in the site's
// language, and, when the desk publishes it beside a translation, the kept original in its own.
// Every surface that names versions reads them here: the article pages (hreflang alternates, the
// language switch, JSON-LD), the sitemap, feeds, search and the content API. Client-safe.
import { articlePath, articleVersionPath } from "./paths";

export interface LanguageVersion {
  /** BCP 47 tag, as in hreflang and `lang`. */
  language: string;
  path: string;
  title: string;
  /** True for the original the article translates. */
  isOriginal: boolean;
}

export interface VersionedArticle {
  slug: string;
  title: string;
  originalPublished: boolean;
}

export interface KeptOriginal {
  language: string;
  title: string;
}

/**
 * Whether the article's kept original is a public version of its own: the desk chose to publish
 * it, and it is in another language than the article (a same-language original is the article).
 * Only meaningful while the article itself is public.
 */
export function publishesOriginal(
  article: Pick<VersionedArticle, "originalPublished">,
  original: KeptOriginal | null,
  siteLanguage: string,
): original is KeptOriginal {
  return article.originalPublished && original !== null && original.language !== siteLanguage;
}

/** The public article's versions, its own first; a single entry when it has no other. */
export function languageVersions(
  article: VersionedArticle,
  original: KeptOriginal | null,
  siteLanguage: string,
): LanguageVersion[] {
  const own = {
    language: siteLanguage,
    path: articlePath(article.slug),
    title: article.title,
    isOriginal: false,
  };
  if (!publishesOriginal(article, original, siteLanguage)) return [own];
  return [
    own,
    {
      language: original.language,
      path: articleVersionPath(article.slug, original.language),
      title: original.title,
      isOriginal: true,
    },
  ];
}
