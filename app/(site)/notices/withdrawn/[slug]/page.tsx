// The notice a withdrawn article's URL answers with, status 451 (proxy.ts rewrites the URL here;
// see lib/rights/withdrawn.ts). It says why: the takedown case and its date, or the day the
// authorization ended; never who complained. Its own address is kept out of search engines.
import type { Metadata } from "next";
import Link from "next/link";
import { requestNow, slugFromParam } from "@/lib/articles/archives";
import { tagPublicPage } from "@/lib/articles/visibility-change";
import { cacheTag } from "@/lib/platform/cache/tags";
import { noticeCasePath } from "@/lib/rights/notices/elements";
import { noticeDate } from "@/lib/rights/withdrawal-text";
import { withdrawalOf } from "@/lib/rights/withdrawn";
import { siteIdentity } from "@/lib/site/identity";

export const metadata: Metadata = {
  title: "Unavailable for legal reasons",
  robots: { index: false, follow: true },
};

interface Props {
  params: Promise<{ slug: string }>;
}

// Rendered on first request, then served from the page cache until what is public changes.
export function generateStaticParams(): Array<{ slug: string }> {
  return [];
}

export default async function WithdrawnNotice({ params }: Props) {
  const slug = slugFromParam((await params).slug);
  const [withdrawal, { title }] = await Promise.all([withdrawalOf(slug, requestNow()), siteIdentity()]);
  await tagPublicPage([cacheTag.articles], requestNow());
  return (
    <>
      <h1>This article is no longer available</h1>
      {withdrawal?.caseNumber ? (
        <p>
          {title} withdrew it
          {withdrawal.withdrawnAt && <> on {noticeDate(withdrawal.withdrawnAt)}</>} after a rights
          holder&apos;s takedown notice, case{" "}
          <Link href={noticeCasePath(withdrawal.caseNumber)}>{withdrawal.caseNumber}</Link>.
        </p>
      ) : withdrawal?.authorizationEndedAt ? (
        <p>
          {title} reprinted it with the permission of its rights holder. That permission ended on{" "}
          {noticeDate(withdrawal.authorizationEndedAt)}, so we no longer publish it.
        </p>
      ) : (
        <p>
          {title} reprinted it with the permission of its rights holder. That permission has ended, so we no
          longer publish it.
        </p>
      )}
      <p>
        <Link href="/">Go to the front page</Link>, or search the site above.
      </p>
    </>
  );
}
