import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { ArchiveHeader, articleCountPhrase } from "@/components/archive/archive-header";
import { ArchiveList } from "@/components/archive/archive-list";
import { ArchivePagination, archivePageHref } from "@/components/archive/archive-pagination";
import styles from "@/components/archive/archive.module.css";
import {
  archivePageNumber,
  listPersonArticles,
  lookupPerson,
  requestNow,
  slugFromParam,
} from "@/lib/articles/archives";
import { tagPage } from "@/lib/platform/cache/tag-page";
import { cacheTag } from "@/lib/platform/cache/tags";
import { env } from "@/lib/platform/env";
import type { BylineRole } from "@/lib/generated/prisma/enums";
import { breadcrumbJsonLd } from "@/lib/seo/json-ld";
import { JsonLd } from "@/lib/seo/json-ld-script";
import { authorPath } from "@/lib/seo/urls";

interface Props {
  /** `page` is set on /…/page/N (where `?page=N` is rewritten to, see next.config.ts). */
  params: Promise<{ slug: string; page?: string }>;
}

// Rendered on first visit, then served from the page cache until what it lists changes.
export function generateStaticParams(): Array<{ slug: string }> {
  return [];
}

function roleNote(roles: BylineRole[]): string {
  if (roles.includes("AUTHOR") && roles.includes("TRANSLATOR")) return "Author and translator";
  return roles.includes("TRANSLATOR") ? "Translator" : "Author";
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lookup = await lookupPerson(slugFromParam((await params).slug), requestNow());
  if (!lookup || !("found" in lookup)) return {};
  const person = lookup.found;
  const page = archivePageNumber(await params);
  return {
    title: page > 1 ? `${person.name} · page ${page}` : person.name,
    description: person.bio || `Commentary by ${person.name} on Crosscurrent.`,
    alternates: { canonical: archivePageHref(authorPath(person.slug), page) },
  };
}

export default async function AuthorPage({ params }: Props) {
  // Lists show articles and names; every change to either invalidates this one tag.
  await tagPage([cacheTag.articles]);
  const page = archivePageNumber(await params);
  const lookup = await lookupPerson(slugFromParam((await params).slug), requestNow());
  if (!lookup) notFound();
  if ("redirectTo" in lookup) permanentRedirect(archivePageHref(authorPath(lookup.redirectTo), page));
  const person = lookup.found;
  const archive = await listPersonArticles(person, page, requestNow());
  if (!archive) notFound();
  return (
    <>
      <JsonLd
        data={breadcrumbJsonLd(
          [
            { name: "Crosscurrent", url: "/" },
            { name: person.name, url: authorPath(person.slug) },
          ],
          env.SITE_URL,
        )}
      />
      <ArchiveHeader
        label="Contributor"
        title={
          <>
            {person.name}
            {person.nativeName && person.nativeName !== person.name && (
              <>
                {" "}
                <span className={styles.nativeName}>{person.nativeName}</span>
              </>
            )}
          </>
        }
        description={person.bio}
      >
        <p className="meta">{articleCountPhrase(archive.total)}</p>
      </ArchiveHeader>
      <ArchiveList
        entries={archive.articles.map((article) => ({ article, note: roleNote(article.roles) }))}
        empty="Nothing with this byline is published at the moment."
      />
      <ArchivePagination basePath={authorPath(person.slug)} page={archive.page} pages={archive.pages} />
    </>
  );
}
