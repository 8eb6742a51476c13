import Link from "next/link";
import { notFound } from "next/navigation";
import {
  ClaimantAnsweredForm,
  CounterNoticeForm,
  RejectForm,
  RestoreNowForm,
  StartReviewForm,
  WithdrawNowForm,
} from "@/components/admin/rights/notice-steps";
import { ColumnHeads } from "@/components/ui/data-table";
import { articlePath } from "@/lib/articles/paths";
import { now } from "@/lib/platform/clock";
import { env } from "@/lib/platform/env";
import { requirePagePermission } from "@/lib/platform/page-guard";
import { can } from "@/lib/platform/permissions";
import { isoDate, isoMinute } from "@/lib/rights/authorizations/status";
import { getNoticeCase, noticeTargetMs } from "@/lib/rights/notices/desk";
import { noticeCasePath } from "@/lib/rights/notices/elements";
import { NOTICE_EVENT_LABELS, NOTICE_STATUS_LABELS, OPEN_NOTICE_STATUSES } from "@/lib/rights/notices/labels";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const notice = await getNoticeCase((await params).id);
  return { title: notice ? `Takedown notice ${notice.caseNumber}` : "Takedown notice" };
}

export default async function NoticeCasePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePagePermission("notice.read", `/admin/rights/notices/${id}`);
  const notice = await getNoticeCase(id);
  if (!notice) notFound();
  const at = now();
  const manage = can(user, "notice.manage");
  const open = OPEN_NOTICE_STATUSES.includes(notice.status);
  const dueBy = new Date(notice.receivedAt.getTime() + noticeTargetMs());
  const restoreDue =
    notice.status === "COUNTER_NOTICE" && notice.restoreDueAt !== null && notice.restoreDueAt <= at;
  return (
    <>
      <p>
        <Link href="/admin/rights/notices">Takedown notices</Link>
      </p>
      <h1>Takedown notice {notice.caseNumber}</h1>
      <p>
        <strong>{NOTICE_STATUS_LABELS[notice.status]}</strong> · received {isoMinute(notice.receivedAt)}
        {open && (
          <>
            {" "}
            · decide by {isoMinute(dueBy)}
            {dueBy < at && <strong className="form-error"> (overdue)</strong>}
          </>
        )}{" "}
        · <Link href={noticeCasePath(notice.caseNumber)}>public case page</Link>
      </p>
      {notice.rejectionReason && <p className="notice">Rejected: {notice.rejectionReason}</p>}
      {notice.status === "COUNTER_NOTICE" && notice.restoreDueAt && (
        <p>
          The articles are restored on {isoMinute(notice.restoreDueAt)} ({env.NOTICE_RESTORE_BUSINESS_DAYS}{" "}
          business days after the counter-notice) unless the claimant answers.
        </p>
      )}

      <h2>The notice</h2>
      <dl className="terms">
        <dt>Claimant</dt>
        <dd>
          {notice.claimantName}
          {notice.organisation && <> ({notice.organisation})</>} ·{" "}
          <a href={`mailto:${notice.contactEmail}`}>{notice.contactEmail}</a>
        </dd>
        <dt>Work</dt>
        <dd>
          {notice.workTitle} ·{" "}
          <a href={notice.workUrl} rel="noopener noreferrer nofollow" target="_blank">
            {notice.workUrl}
          </a>
        </dd>
        <dt>Signature</dt>
        <dd>{notice.signature}</dd>
        <dt>Statements</dt>
        <dd>Good faith and accuracy (under penalty of perjury): both given</dd>
        {notice.details && (
          <>
            <dt>Details</dt>
            <dd style={{ whiteSpace: "pre-wrap" }}>{notice.details}</dd>
          </>
        )}
      </dl>

      <h2>Articles named</h2>
      <table className="data-table">
        <ColumnHeads columns={["Article", "Now", "Source and authorization", "Evidence"]} />
        <tbody>
          {notice.articles.map(({ url, article }) => (
            <tr key={article.id}>
              <td>
                <Link href={`/admin/articles/${article.id}`}>{article.title || "Untitled"}</Link>
                <div className="meta">
                  <a href={articlePath(article.slug)}>{url}</a>
                </div>
              </td>
              <td>
                {article.withdrawnNoticeId === notice.id
                  ? "Withdrawn by this case"
                  : article.withdrawnAt
                    ? "Withdrawn"
                    : "Served"}
              </td>
              <td>
                {article.kind === "ORIGINAL" ? (
                  "Our own piece"
                ) : (
                  <>
                    {article.source?.name ?? "No source"}
                    {article.authorization ? (
                      <div className="meta">
                        <Link href={`/admin/authorizations/${article.authorization.id}`}>
                          Authorization, {article.authorization.status.toLowerCase()}
                        </Link>
                        , {isoDate(article.authorization.validFrom)} –{" "}
                        {article.authorization.validUntil
                          ? isoDate(article.authorization.validUntil)
                          : "no end"}
                      </div>
                    ) : (
                      <div className="meta">No authorization linked</div>
                    )}
                  </>
                )}
              </td>
              <td>
                {article.authorization?.evidence.length ? (
                  <ul>
                    {article.authorization.evidence.map((e) => (
                      <li key={e.id}>
                        {e.url && /^https?:\/\//i.test(e.url) ? (
                          <a href={e.url} rel="noopener noreferrer nofollow" target="_blank">
                            {e.url}
                          </a>
                        ) : e.fileName ? (
                          <a href={`/api/admin/authorizations/evidence/${e.id}`} download={e.fileName}>
                            {e.fileName}
                          </a>
                        ) : (
                          e.note || e.kind.toLowerCase()
                        )}
                      </li>
                    ))}
                  </ul>
                ) : (
                  "None on file"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      {manage && (
        <section aria-labelledby="decide">
          <h2 id="decide">Decide</h2>
          {open && (
            <>
              {notice.status === "RECEIVED" && (
                <section>
                  <h3>Review</h3>
                  <StartReviewForm id={notice.id} />
                </section>
              )}
              <section>
                <h3>Uphold</h3>
                <WithdrawNowForm id={notice.id} articleCount={notice.articles.length} />
              </section>
              <section>
                <h3>Reject</h3>
                <RejectForm id={notice.id} />
              </section>
            </>
          )}
          {notice.status === "ACTIONED" && (
            <section>
              <h3>Counter-notice</h3>
              <CounterNoticeForm id={notice.id} businessDays={env.NOTICE_RESTORE_BUSINESS_DAYS} />
            </section>
          )}
          {notice.status === "COUNTER_NOTICE" && (
            <>
              <section>
                <h3>Claimant answered</h3>
                <ClaimantAnsweredForm id={notice.id} />
              </section>
              {restoreDue && (
                <section>
                  <h3>Restore</h3>
                  <RestoreNowForm id={notice.id} />
                </section>
              )}
            </>
          )}
          {!open && notice.status !== "ACTIONED" && notice.status !== "COUNTER_NOTICE" && (
            <p>This case is closed.</p>
          )}
        </section>
      )}

      <h2>History</h2>
      <ol className="history">
        {notice.events.map((event) => (
          <li key={event.id}>
            {isoMinute(event.createdAt)} · {NOTICE_EVENT_LABELS[event.type] ?? event.type} ·{" "}
            {event.actor?.name ?? (event.type === "received" ? "the claimant" : "the rights sweep")}
            {event.note && <div className="meta">{event.note}</div>}
          </li>
        ))}
      </ol>
    </>
  );
}
