// The sitemap's reads: public articles, and the tags, sources and authors that have at least one
// public article (an empty archive page is not worth a crawler's visit).
import "server-only";
import type { MetadataRoute } from "next";
import { publicArticleWhere } from "@/lib/articles/visibility";
import { db } from "@/lib/platform/db";
import { articlePath } from "@/lib/articles/paths";
import { absoluteUrl, authorPath, sourcePath, tagPath } from "@/lib/seo/urls";

/** One sitemap file holds at most 50,000 URLs; past that, split it with generateSitemaps. */
export const SITEMAP_URL_LIMIT = 50_000;

export async function buildSitemap(now: Date, siteUrl: string): Promise<MetadataRoute.Sitemap> {
  const publicArticle = publicArticleWhere(now);
  const [articles, tags, sources, people] = await Promise.all([
    db.article.findMany({
      where: publicArticle,
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      take: SITEMAP_URL_LIMIT,
      select: { slug: true, updatedAt: true },
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
  ]);
  const latest = articles.reduce<Date | undefined>(
    (max, a) => (!max || a.updatedAt > max ? a.updatedAt : max),
    undefined,
  );
  const entries: MetadataRoute.Sitemap = [
    { url: absoluteUrl(siteUrl, "/"), lastModified: latest, changeFrequency: "hourly", priority: 1 },
    ...articles.map((a) => ({ url: absoluteUrl(siteUrl, articlePath(a.slug)), lastModified: a.updatedAt })),
    ...tags.map((t) => ({ url: absoluteUrl(siteUrl, tagPath(t.slug)) })),
    ...sources.map((s) => ({ url: absoluteUrl(siteUrl, sourcePath(s.slug)) })),
    ...people.map((p) => ({ url: absoluteUrl(siteUrl, authorPath(p.slug)) })),
  ];
  return entries.slice(0, SITEMAP_URL_LIMIT);
}
