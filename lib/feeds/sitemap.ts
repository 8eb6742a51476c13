// The sitemap's reads: public articles, and the tags, sources and authors that have at least one
// public article (an empty archive page is not worth a crawler's visit). An article with a version
// in another language (its original, published beside it) lists that version's address too, and
// both entries name every version as an hreflang alternate, themselves included.
import "server-only";
import type { MetadataRoute } from "next";
import { publicArticleWhere } from "@/lib/articles/visibility";
import { db } from "@/lib/platform/db";
import { languageVersions } from "@/lib/articles/language-versions";
import { siteIdentity } from "@/lib/site/identity";
import { absoluteUrl, authorPath, sourcePath, tagPath } from "@/lib/seo/urls";

/** One sitemap file holds at most 50,000 URLs; past that, split it with generateSitemaps. */
export const SITEMAP_URL_LIMIT = 50_000;

export async function buildSitemap(now: Date, siteUrl: string): Promise<MetadataRoute.Sitemap> {
  const publicArticle = publicArticleWhere(now);
  const [articles, tags, sources, people, { language }] = await Promise.all([
    db.article.findMany({
      where: publicArticle,
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      take: SITEMAP_URL_LIMIT,
      select: {
        slug: true,
        title: true,
        updatedAt: true,
        originalPublished: true,
        originalRevisions: {
          orderBy: { revision: "desc" },
          take: 1,
          select: { language: true, title: true },
        },
      },
    }),
    db.tag.findMany({
      where: { articles: { some: { article: publicArticle } } },
      orderBy: { slug: "asc" },
      select: { slug: true },
    }),
    db.source.findMany({
      where: { articles: { some: publicArticle } },
      orderBy: { slug: "asc" },
      select: { slug: true },
    }),
    db.person.findMany({
      where: { bylines: { some: { article: publicArticle } } },
      orderBy: { slug: "asc" },
      select: { slug: true },
    }),
    siteIdentity(),
  ]);
  const latest = articles.reduce<Date | undefined>(
    (max, a) => (!max || a.updatedAt > max ? a.updatedAt : max),
    undefined,
  );
  const entries: MetadataRoute.Sitemap = [
    { url: absoluteUrl(siteUrl, "/"), lastModified: latest, changeFrequency: "hourly", priority: 1 },
    ...articles.flatMap((article) => articleEntries(article, language, siteUrl)),
    ...tags.map((t) => ({ url: absoluteUrl(siteUrl, tagPath(t.slug)) })),
    ...sources.map((s) => ({ url: absoluteUrl(siteUrl, sourcePath(s.slug)) })),
    ...people.map((p) => ({ url: absoluteUrl(siteUrl, authorPath(p.slug)) })),
  ];
  return entries.slice(0, SITEMAP_URL_LIMIT);
}

interface SitemapArticle {
  slug: string;
  title: string;
  updatedAt: Date;
  originalPublished: boolean;
  originalRevisions: Array<{ language: string; title: string }>;
}

/** The article's address, and each of its other versions', all naming one another by language. */
function articleEntries(
  article: SitemapArticle,
  siteLanguage: string,
  siteUrl: string,
): MetadataRoute.Sitemap {
  const versions = languageVersions(article, article.originalRevisions[0] ?? null, siteLanguage).map(
    (version) => ({
      ...version,
      url: absoluteUrl(siteUrl, version.path),
    }),
  );
  if (versions.length === 1) return [{ url: versions[0]!.url, lastModified: article.updatedAt }];
  const languages = Object.fromEntries(versions.map((version) => [version.language, version.url]));
  return versions.map((version) => ({
    url: version.url,
    // A re-imported original updates the article too (attach-original.ts).
    lastModified: article.updatedAt,
    alternates: { languages },
  }));
}
