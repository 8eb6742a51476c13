import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { ArchiveHeader, articleCountPhrase } from "@/components/archive/archive-header";
import { ArchiveList } from "@/components/archive/archive-list";
import { ArchivePagination, archivePageHref } from "@/components/archive/archive-pagination";
import {
  archivePageNumber,
  listTagArticles,
  lookupTag,
  requestNow,
  slugFromParam,
} from "@/lib/articles/archives";
import { tagPage } from "@/lib/platform/cache/tag-page";
import { cacheTag } from "@/lib/platform/cache/tags";
import { env } from "@/lib/platform/env";
import { breadcrumbJsonLd } from "@/lib/seo/json-ld";
import { JsonLd } from "@/lib/seo/json-ld-script";
import { tagPath } from "@/lib/seo/urls";
import { TAG_KIND_LABELS } from "@/lib/taxonomy/kinds";

interface Props {
  /** `page` is set on /…/page/N (where `?page=N` is rewritten to, see next.config.ts). */
  params: Promise<{ slug: string; page?: string }>;
}

// Rendered on first visit, then served from the page cache until what it lists changes.
export function generateStaticParams(): Array<{ slug: string }> {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lookup = await lookupTag(slugFromParam((await params).slug));
  if (!lookup || !("found" in lookup)) return {};
  const tag = lookup.found;
  const page = archivePageNumber(await params);
  return {
    title: page > 1 ? `${tag.name} · page ${page}` : tag.name,
    description:
      tag.description || `Commentary on ${tag.name}, reprinted with permission and written in-house.`,
    alternates: { canonical: archivePageHref(tagPath(tag.slug), page) },
  };
}

export default async function TagPage({ params }: Props) {
  // Lists show articles and names; every change to either invalidates this one tag.
  await tagPage([cacheTag.articles]);
  const page = archivePageNumber(await params);
  const lookup = await lookupTag(slugFromParam((await params).slug));
  if (!lookup) notFound();
  if ("redirectTo" in lookup) permanentRedirect(archivePageHref(tagPath(lookup.redirectTo), page));
  const tag = lookup.found;
  const archive = await listTagArticles(tag.id, page, requestNow());
  if (!archive) notFound();
  return (
    <>
      <JsonLd
        data={breadcrumbJsonLd(
          [
            { name: "Crosscurrent", url: "/" },
            { name: tag.name, url: tagPath(tag.slug) },
          ],
          env.SITE_URL,
        )}
      />
      <ArchiveHeader label={TAG_KIND_LABELS[tag.kind]} title={tag.name} description={tag.description}>
        <p className="meta">{articleCountPhrase(archive.total)}</p>
      </ArchiveHeader>
      <ArchiveList
        entries={archive.articles.map((article) => ({ article }))}
        empty="Nothing under this tag has been published yet."
      />
      <ArchivePagination basePath={tagPath(tag.slug)} page={archive.page} pages={archive.pages} />
    </>
  );
}
