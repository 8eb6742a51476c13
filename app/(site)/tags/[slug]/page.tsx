import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { connection } from "next/server";
import { ArchiveHeader, articleCountPhrase } from "@/components/archive/archive-header";
import { ArchiveList } from "@/components/archive/archive-list";
import { ArchivePagination, archivePageHref } from "@/components/archive/archive-pagination";
import {
  archivePageNumber,
  listTagArticles,
  lookupTag,
  requestNow,
  slugFromParam,
} from "@/lib/data/archives";
import { env } from "@/lib/env";
import { breadcrumbJsonLd } from "@/lib/seo/json-ld";
import { JsonLd } from "@/lib/seo/json-ld-script";
import { tagPath } from "@/lib/seo/urls";
import { TAG_KIND_LABELS } from "@/lib/taxonomy/kinds";

interface Props {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  await connection();
  const lookup = await lookupTag(slugFromParam((await params).slug));
  if (!lookup || !("found" in lookup)) return {};
  const tag = lookup.found;
  const page = archivePageNumber(await searchParams);
  return {
    title: page > 1 ? `${tag.name} · page ${page}` : tag.name,
    description:
      tag.description || `Commentary on ${tag.name}, reprinted with permission and written in-house.`,
    alternates: { canonical: archivePageHref(tagPath(tag.slug), page) },
  };
}

export default async function TagPage({ params, searchParams }: Props) {
  await connection();
  const page = archivePageNumber(await searchParams);
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
