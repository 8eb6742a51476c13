import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArchivePage, archiveMetadata, foundOrRedirect } from "@/components/archive/archive-page";
import {
  archivePageNumber,
  listTagArticles,
  lookupTag,
  requestNow,
  slugFromParam,
} from "@/lib/articles/archives";
import { tagPublicPage } from "@/lib/articles/visibility-change";
import { cacheTag } from "@/lib/platform/cache/tags";
import { env } from "@/lib/platform/env";
import { siteIdentity } from "@/lib/site/identity";
import { tagFeedPath, tagPath } from "@/lib/seo/urls";
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
  return archiveMetadata(
    lookup,
    tagPath,
    archivePageNumber(await params),
    (tag) => tag.description || `Commentary on ${tag.name}, reprinted with permission and written in-house.`,
    tagFeedPath,
  );
}

export default async function TagPage({ params }: Props) {
  // Lists show articles and names; every change to either invalidates this one tag.
  await tagPublicPage([cacheTag.articles], requestNow());
  const page = archivePageNumber(await params);
  const tag = foundOrRedirect(await lookupTag(slugFromParam((await params).slug)), tagPath, page);
  const archive = await listTagArticles(tag.id, page, requestNow());
  if (!archive) notFound();
  return (
    <ArchivePage
      subject={tag}
      path={tagPath}
      siteUrl={env.SITE_URL}
      siteTitle={(await siteIdentity()).title}
      archive={archive}
      label={TAG_KIND_LABELS[tag.kind]}
      description={tag.description}
      empty="Nothing under this tag has been published yet."
      feedPath={tagFeedPath}
    />
  );
}
