import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArchivePage, archiveMetadata, foundOrRedirect } from "@/components/archive/archive-page";
import {
  archivePageNumber,
  listSourceArticles,
  lookupSource,
  requestNow,
  slugFromParam,
} from "@/lib/articles/archives";
import { tagPublicPage } from "@/lib/articles/visibility-change";
import { cacheTag } from "@/lib/platform/cache/tags";
import { env } from "@/lib/platform/env";
import { siteIdentity } from "@/lib/site/identity";
import { safeHttpUrl, sourceFeedPath, sourcePath } from "@/lib/seo/urls";
import { SOURCE_KIND_LABELS } from "@/lib/sources/fields";

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
  return archiveMetadata(
    lookup,
    sourcePath,
    archivePageNumber(await params),
    (source) =>
      source.description ||
      `Commentary from ${SOURCE_KIND_LABELS[source.kind].toLowerCase()} ${source.name}, reprinted with its authorization.`,
    sourceFeedPath,
  );
}

export default async function SourcePage({ params }: Props) {
  // Lists show articles and names; every change to either invalidates this one tag.
  await tagPublicPage([cacheTag.articles], requestNow());
  const page = archivePageNumber(await params);
  const lookup = await lookupSource(slugFromParam((await params).slug), requestNow());
  const source = foundOrRedirect(lookup, sourcePath, page);
  const archive = await listSourceArticles(source.id, page, requestNow());
  if (!archive) notFound();
  const website = safeHttpUrl(source.url);
  return (
    <ArchivePage
      subject={source}
      path={sourcePath}
      siteUrl={env.SITE_URL}
      siteTitle={(await siteIdentity()).title}
      archive={archive}
      label={`Source · ${SOURCE_KIND_LABELS[source.kind]}`}
      description={source.description}
      countSuffix=" reprinted with authorization"
      empty="Nothing from this source is published at the moment."
      feedPath={sourceFeedPath}
    >
      {website && (
        <p>
          Website:{" "}
          <a href={website} rel="nofollow noopener">
            {website}
          </a>
        </p>
      )}
    </ArchivePage>
  );
}
