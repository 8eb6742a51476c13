import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArchivePage, archiveMetadata, foundOrRedirect } from "@/components/archive/archive-page";
import styles from "@/components/archive/archive.module.css";
import {
  archivePageNumber,
  listPersonArticles,
  lookupPerson,
  requestNow,
  slugFromParam,
} from "@/lib/articles/archives";
import type { BylineRole } from "@/lib/generated/prisma/enums";
import { tagPublicPage } from "@/lib/articles/visibility-change";
import { cacheTag } from "@/lib/platform/cache/tags";
import { env } from "@/lib/platform/env";
import { authorPath } from "@/lib/seo/urls";
import { siteIdentity } from "@/lib/site/identity";

interface Props {
  /** `page` is set on /…/page/N (where `?page=N` is rewritten to, see next.config.ts). */
  params: Promise<{ slug: string; page?: string }>;
}

// Rendered on first visit, then served from the page cache until what it lists changes.
export function generateStaticParams(): Array<{ slug: string }> {
  return [];
}

function roleNote({ roles }: { roles: BylineRole[] }): string {
  if (roles.includes("AUTHOR") && roles.includes("TRANSLATOR")) return "Author and translator";
  return roles.includes("TRANSLATOR") ? "Translator" : "Author";
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lookup = await lookupPerson(slugFromParam((await params).slug), requestNow());
  const site = await siteIdentity();
  return archiveMetadata(
    lookup,
    authorPath,
    archivePageNumber(await params),
    (person) => person.bio || `Commentary by ${person.name} on ${site.title}.`,
  );
}

export default async function AuthorPage({ params }: Props) {
  // Lists show articles and names; every change to either invalidates this one tag.
  await tagPublicPage([cacheTag.articles], requestNow());
  const page = archivePageNumber(await params);
  const lookup = await lookupPerson(slugFromParam((await params).slug), requestNow());
  const person = foundOrRedirect(lookup, authorPath, page);
  const archive = await listPersonArticles(person, page, requestNow());
  if (!archive) notFound();
  return (
    <ArchivePage
      subject={person}
      path={authorPath}
      siteUrl={env.SITE_URL}
      siteTitle={(await siteIdentity()).title}
      archive={archive}
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
      note={roleNote}
      empty="Nothing with this byline is published at the moment."
    />
  );
}
