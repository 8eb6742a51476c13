// /rights/notices/<case>: the public record of a takedown case, where a withdrawn article's 451
// answer points (Link: <…>; rel="blocked-by", RFC 7725). Case number, dates and the articles
// withdrawn; never the claimant's contact details.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { NoticeStatus } from "@/lib/generated/prisma/enums";
import { getPublicCase } from "@/lib/rights/notices/public-case";
import { noticeDate } from "@/lib/rights/withdrawal-text";
import { siteIdentity } from "@/lib/site/identity";

interface Props {
  params: Promise<{ case: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const caseNumber = decodeURIComponent((await params).case);
  return { title: `Takedown notice ${caseNumber}`, robots: { index: false, follow: true } };
}

const STANDING: Record<NoticeStatus, string> = {
  RECEIVED: "It has not been decided yet.",
  UNDER_REVIEW: "It is under review.",
  ACTIONED: "It was upheld: the articles below were withdrawn.",
  REJECTED: "It was rejected: nothing was withdrawn.",
  COUNTER_NOTICE:
    "It was upheld, and then answered by a counter-notice: the articles stay withdrawn while the claimant may respond.",
  RESTORED: "It was upheld; after a counter-notice the articles were restored.",
};

export default async function NoticeCasePage({ params }: Props) {
  const caseNumber = decodeURIComponent((await params).case);
  const [found, { title }] = await Promise.all([getPublicCase(caseNumber), siteIdentity()]);
  if (!found) notFound();
  return (
    <article className="stack wide">
      <h1>Takedown notice {found.caseNumber}</h1>
      <p>
        {title} received a rights holder&apos;s takedown notice on {noticeDate(found.receivedAt)}. The notice
        is {STANDING[found.status]}
      </p>
      <dl>
        <dt>Case number</dt>
        <dd>{found.caseNumber}</dd>
        <dt>Received</dt>
        <dd>{noticeDate(found.receivedAt)}</dd>
        {found.actionedAt && (
          <>
            <dt>Articles withdrawn</dt>
            <dd>{noticeDate(found.actionedAt)}</dd>
          </>
        )}
        {found.counterNoticeAt && (
          <>
            <dt>Counter-notice received</dt>
            <dd>{noticeDate(found.counterNoticeAt)}</dd>
          </>
        )}
        {found.restoreDueAt && found.status === "COUNTER_NOTICE" && (
          <>
            <dt>Articles return unless the claimant answers by</dt>
            <dd>{noticeDate(found.restoreDueAt)}</dd>
          </>
        )}
        {found.restoredAt && (
          <>
            <dt>Articles restored</dt>
            <dd>{noticeDate(found.restoredAt)}</dd>
          </>
        )}
      </dl>
      {found.articles.length > 0 && (
        <>
          <h2>Articles concerned</h2>
          <ul>
            {found.articles.map((article, index) => (
              <li key={index}>{article.title}</li>
            ))}
          </ul>
        </>
      )}
      <p>
        To send a notice of your own, use the <Link href="/rights/notice">rights notice form</Link>.
      </p>
    </article>
  );
}
