// What the tag, source and author archives share: the lookup's 404 or 308, the metadata, and the
// page itself (breadcrumb JSON-LD, header, list, pagination). Each archive page says only what is
// its own: its label, its words, and what its header adds.
import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import type { ReactNode } from "react";
import type { ArchivePage as ArchivePageData, Lookup } from "@/lib/articles/archives";
import { breadcrumbJsonLd } from "@/lib/seo/json-ld";
import { JsonLd } from "@/lib/seo/json-ld-script";
import { pageAlternates } from "@/lib/seo/feed-links";
import { RssIcon } from "@/components/site/rss-icon";
import { ArchiveHeader, articleCountPhrase } from "./archive-header";
import { ArchiveList, type ArchiveEntry } from "./archive-list";
import { ArchivePagination, archivePageHref } from "./archive-pagination";

/** The archive's subject: 404 when the slug names nothing, 308 from an old slug to the same page at the current one. */
export function foundOrRedirect<T>(lookup: Lookup<T>, path: (slug: string) => string, page: number): T {
  if (!lookup) notFound();
  if ("redirectTo" in lookup) permanentRedirect(archivePageHref(path(lookup.redirectTo), page));
  return lookup.found;
}

export function archiveMetadata<T extends { name: string; slug: string }>(
  lookup: Lookup<T>,
  path: (slug: string) => string,
  page: number,
  description: (subject: T) => string,
  /** The archive's own feed, for tags and sources. */
  feedPath?: (slug: string) => string,
): Metadata {
  if (!lookup || !("found" in lookup)) return {};
  const subject = lookup.found;
  return {
    title: page > 1 ? `${subject.name} · page ${page}` : subject.name,
    description: description(subject),
    alternates: pageAlternates({
      canonical: archivePageHref(path(subject.slug), page),
      feeds: feedPath ? [{ url: feedPath(subject.slug), title: subject.name }] : [],
    }),
  };
}

export function ArchivePage<T extends ArchiveEntry["article"]>({
  subject,
  path,
  siteUrl,
  siteTitle,
  archive,
  label,
  title,
  description,
  countSuffix = "",
  note,
  empty,
  feedPath,
  children,
}: {
  subject: { name: string; slug: string };
  path: (slug: string) => string;
  siteUrl: string;
  /** The site's title (settings), the first step of the breadcrumb. */
  siteTitle: string;
  archive: ArchivePageData<T>;
  label: string;
  /** The heading, when it says more than the name. */
  title?: ReactNode;
  description?: string | null;
  /** Words after the article count ("12 articles reprinted with authorization"). */
  countSuffix?: string;
  /** A note beside each entry. */
  note?: (article: T) => string;
  empty: string;
  /** The archive's own feed, linked under its header (tags and sources have one). */
  feedPath?: (slug: string) => string;
  /** What the header shows beyond the label, title, description and count. */
  children?: ReactNode;
}) {
  const basePath = path(subject.slug);
  return (
    <>
      <JsonLd
        data={breadcrumbJsonLd(
          [
            { name: siteTitle, url: "/" },
            { name: subject.name, url: basePath },
          ],
          siteUrl,
        )}
      />
      <ArchiveHeader label={label} title={title ?? subject.name} description={description}>
        {children}
        <p className="meta">
          {articleCountPhrase(archive.total)}
          {countSuffix}
        </p>
        {feedPath && (
          <p className="meta">
            <a className="feed-link" href={feedPath(subject.slug)}>
              <RssIcon /> Follow {subject.name} by RSS
            </a>
          </p>
        )}
      </ArchiveHeader>
      <ArchiveList
        entries={archive.articles.map((article) => ({ article, note: note?.(article) }))}
        empty={empty}
      />
      <ArchivePagination basePath={basePath} page={archive.page} pages={archive.pages} />
    </>
  );
}
