import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArchivePagination } from "@/components/archive/archive-pagination";
import { ArticleCard } from "@/components/article/article-card";
import { FeaturedArticle } from "@/components/home/featured-article";
import { tagPage } from "@/lib/platform/cache/tag-page";
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

interface Props {
  params: Promise<{ page: string }>;
}

// The front page. `/` is rewritten to /page/1 and `/?page=N` to /page/N (next.config.ts), so
// that every page of it is a cached page; none is rendered at build time.
export function generateStaticParams(): Array<{ page: string }> {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = archivePageNumber(await params);
  return page > 1
    ? { title: `Latest commentary · page ${page}`, alternates: { canonical: `/?page=${page}` } }
    : { alternates: { canonical: "/" } };
}

export default async function HomePage({ params }: Props) {
  await tagPage([cacheTag.articles]);
  const page = archivePageNumber(await params);
  const now = requestNow();
  const [featured, list] = await Promise.all([
    page === 1 ? featuredArticle(now) : null,
    listPublishedArticlesPage({ now, page, pageSize: ARCHIVE_PAGE_SIZE }),
  ]);
  if (!list) notFound();
  return (
    <>
      {page === 1 && <JsonLd data={websiteJsonLd(env.SITE_URL)} />}
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
