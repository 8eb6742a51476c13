import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArchivePagination } from "@/components/archive/archive-pagination";
import { ArticleCard } from "@/components/article/article-card";
import { FeaturedArticle } from "@/components/home/featured-article";
import { isBuildPrerender } from "@/lib/platform/cache/build-prerender";
import { tagPublicPage } from "@/lib/articles/visibility-change";
import { cacheTag } from "@/lib/platform/cache/tags";
import {
  ARCHIVE_PAGE_SIZE,
  archivePageNumber,
  listPublishedArticlesPage,
  requestNow,
} from "@/lib/articles/archives";
import { featuredArticle } from "@/lib/articles/public-articles";
import { env } from "@/lib/platform/env";
import { websiteJsonLd } from "@/lib/seo/json-ld";
import { JsonLd } from "@/lib/seo/json-ld-script";
import { pageAlternates } from "@/lib/seo/feed-links";
import { jsonLdSite, siteIdentity } from "@/lib/site/identity";

export interface HomePageProps {
  /** `page` is set on /page/N, where `/?page=N` is rewritten to (next.config.ts). */
  params: Promise<{ page?: string }>;
}

// The front page, `/`: the newest article featured, then the rest, newest first. Later pages are
// `/?page=N` (page/[page]/page.tsx). Each is a cached page, rendered on its first request and
// kept until what it lists changes.
export async function generateMetadata({ params }: HomePageProps): Promise<Metadata> {
  const page = archivePageNumber(await params);
  return page > 1
    ? {
        title: `Latest commentary · page ${page}`,
        alternates: pageAlternates({ canonical: `/?page=${page}` }),
      }
    : { alternates: pageAlternates({ canonical: "/" }) };
}

export default async function HomePage({ params }: HomePageProps) {
  if (isBuildPrerender()) return null;
  await tagPublicPage([cacheTag.articles], requestNow());
  const page = archivePageNumber(await params);
  const now = requestNow();
  const [featured, list, site] = await Promise.all([
    page === 1 ? featuredArticle(now) : null,
    listPublishedArticlesPage({ now, page, pageSize: ARCHIVE_PAGE_SIZE }),
    siteIdentity(),
  ]);
  if (!list) notFound();
  return (
    <>
      {page === 1 && <JsonLd data={websiteJsonLd(env.SITE_URL, jsonLdSite(site))} />}
      <h1 className="visually-hidden">Latest commentary</h1>
      {featured && <FeaturedArticle article={featured} />}
      {!featured && list.articles.length === 0 ? (
        <p>Nothing has been published yet.</p>
      ) : (
        list.articles.map((article) => <ArticleCard key={article.id} article={article} />)
      )}
      <ArchivePagination basePath="/" page={list.page} pages={list.totalPages} />
    </>
  );
}
