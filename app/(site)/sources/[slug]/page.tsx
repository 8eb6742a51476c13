import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { ArchiveHeader, articleCountPhrase } from "@/components/archive/archive-header";
import { ArchiveList } from "@/components/archive/archive-list";
import { ArchivePagination, archivePageHref } from "@/components/archive/archive-pagination";
import { SOURCE_KIND_LABELS } from "@/lib/sources/fields";
import {
  archivePageNumber,
  listSourceArticles,
  lookupSource,
  requestNow,
  slugFromParam,
} from "@/lib/articles/archives";
import { tagPage } from "@/lib/platform/cache/tag-page";
import { cacheTag } from "@/lib/platform/cache/tags";
import { env } from "@/lib/platform/env";
import { breadcrumbJsonLd } from "@/lib/seo/json-ld";
import { JsonLd } from "@/lib/seo/json-ld-script";
import { safeHttpUrl, sourcePath } from "@/lib/seo/urls";

interface Props {
  /** `page` is set on /…/page/N (where `?page=N` is rewritten to, see next.config.ts). */
  params: Promise<{ slug: string; page?: string }>;
}

// Rendered on first visit, then served from the page cache until what it lists changes.
export function generateStaticParams(): Array<{ slug: string }> {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lookup = await lookupSource(slugFromParam((await params).slug), requestNow());
  if (!lookup || !("found" in lookup)) return {};
  const source = lookup.found;
  const page = archivePageNumber(await params);
  return {
    title: page > 1 ? `${source.name} · page ${page}` : source.name,
    description:
      source.description ||
      `Commentary from ${SOURCE_KIND_LABELS[source.kind].toLowerCase()} ${source.name}, reprinted with its authorization.`,
    alternates: { canonical: archivePageHref(sourcePath(source.slug), page) },
  };
}

export default async function SourcePage({ params }: Props) {
  // Lists show articles and names; every change to either invalidates this one tag.
  await tagPage([cacheTag.articles]);
  const page = archivePageNumber(await params);
  const lookup = await lookupSource(slugFromParam((await params).slug), requestNow());
  if (!lookup) notFound();
  if ("redirectTo" in lookup) permanentRedirect(archivePageHref(sourcePath(lookup.redirectTo), page));
  const source = lookup.found;
  const archive = await listSourceArticles(source.id, page, requestNow());
  if (!archive) notFound();
  const website = safeHttpUrl(source.url);
  return (
    <>
      <JsonLd
        data={breadcrumbJsonLd(
          [
            { name: "Crosscurrent", url: "/" },
            { name: source.name, url: sourcePath(source.slug) },
          ],
          env.SITE_URL,
        )}
      />
      <ArchiveHeader
        label={`Source · ${SOURCE_KIND_LABELS[source.kind]}`}
        title={source.name}
        description={source.description}
      >
        {website && (
          <p>
            Website:{" "}
            <a href={website} rel="nofollow noopener">
              {website}
            </a>
          </p>
        )}
        <p className="meta">{articleCountPhrase(archive.total)} reprinted with authorization</p>
      </ArchiveHeader>
      <ArchiveList
        entries={archive.articles.map((article) => ({ article }))}
        empty="Nothing from this source is published at the moment."
      />
      <ArchivePagination basePath={sourcePath(source.slug)} page={archive.page} pages={archive.pages} />
    </>
  );
}
