import Link from "next/link";
import { notFound } from "next/navigation";
import { DenyForm, GrantForm, RenewForm, RevokeForm } from "@/components/admin/authorizations/decision-forms";
import { EvidenceForm } from "@/components/admin/authorizations/evidence-form";
import { requirePagePermission } from "@/lib/platform/page-guard";
import {
  DERIVED_STATUS_LABELS,
  EVIDENCE_KIND_LABELS,
  isInEffect,
  isoDate,
  isoMinute,
  SCOPE_LABELS,
  TERMINATION_LABELS,
} from "@/lib/rights/authorizations/status";
import { termsFormValues } from "@/lib/rights/authorizations/terms";
import { policyPath } from "@/lib/rights/authorizations/odrl-policy";
import { now } from "@/lib/platform/clock";
import { authorizationDetail } from "@/lib/rights/authorizations/list";
import { previewWithdrawals, withdrawalSentence } from "@/lib/rights/authorizations/consequences";
import { can } from "@/lib/platform/permissions";
import { ColumnHeads } from "@/components/ui/data-table";

export const metadata = { title: "Reprint authorization" };

const yesNo = (value: boolean) => (value ? "Yes" : "No");

function bytes(size: number | null): string {
  if (size === null) return "";
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}

function who(user: { name: string; email: string } | null): string {
  return user ? `${user.name} (${user.email})` : "someone no longer on staff";
}

export default async function AuthorizationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePagePermission("authorization.read", `/admin/authorizations/${id}`);
  const at = now();
  const a = id.length <= 64 ? await authorizationDetail(id, at) : null;
  if (!a) notFound();
  const manage = can(user, "authorization.manage");
  const target = { id: a.id, version: a.version };
  const covered = a.articles.length;
  // Counted by the rights check on the data as the decision would leave it.
  const [revokeEffect, denyEffect] = await Promise.all([
    a.derived === "GRANTED" ? previewWithdrawals(a.id, "revoke", at) : null,
    a.derived === "REQUESTED" ? previewWithdrawals(a.id, "deny", at) : null,
  ]);
  const kept =
    a.onTermination === "KEEP_EXISTING" && covered > 0
      ? ` ${covered} covered ${covered === 1 ? "article stays" : "articles stay"} up (keep existing).`
      : "";
  const revokeConsequence = revokeEffect ? `${withdrawalSentence(revokeEffect)}${kept}` : "";
  const denyConsequence = denyEffect ? withdrawalSentence(denyEffect) : "";
  const openRenewal = a.renewedBy.find((r) => r.status === "REQUESTED" || r.status === "GRANTED");

  return (
    <>
      <p>
        <Link href="/admin/authorizations">All authorizations</Link>
      </p>
      <h1>
        {a.source.name}: {DERIVED_STATUS_LABELS[a.derived]}
      </h1>
      {a.derived === "GRANTED" && !isInEffect(a, at) && (
        <p className="notice">Granted, but its term starts on {isoDate(a.validFrom)}.</p>
      )}

      <h2>Terms</h2>
      <dl className="terms">
        <dt>Source</dt>
        <dd>{a.source.name}</dd>
        <dt>Scope</dt>
        <dd>
          {SCOPE_LABELS[a.scope]}
          {a.scope === "ARTICLE" && a.scopeUrl && (
            <>
              :{" "}
              <a href={a.scopeUrl} rel="noopener noreferrer nofollow" target="_blank">
                {a.scopeUrl}
              </a>
            </>
          )}
          {a.scope === "AUTHOR" && a.scopeAuthorName && <>: {a.scopeAuthorName}</>}
        </dd>
        <dt>Valid</dt>
        <dd>
          from {isoDate(a.validFrom)}{" "}
          {a.validUntil ? `until ${isoDate(a.validUntil)} (exclusive)` : "with no end"}
        </dd>
        <dt>Attribution required</dt>
        <dd>
          {yesNo(a.attributionRequired)}
          {a.attributionText && <div className="meta">“{a.attributionText}”</div>}
        </dd>
        <dt>Link back required</dt>
        <dd>{yesNo(a.linkBackRequired)}</dd>
        <dt>Canonical link to the original</dt>
        <dd>{yesNo(a.canonicalToOriginal)}</dd>
        <dt>Modification allowed</dt>
        <dd>{yesNo(a.modificationAllowed)}</dd>
        <dt>Translation allowed</dt>
        <dd>{yesNo(a.translationAllowed)}</dd>
        <dt>Omission allowed</dt>
        <dd>{yesNo(a.omissionAllowed)}</dd>
        <dt>Territories</dt>
        <dd>{a.territories.length ? a.territories.join(", ") : "None named"}</dd>
        <dt>Channels</dt>
        <dd>{a.channels.length ? a.channels.join(", ") : "None named"}</dd>
        <dt>When it ends or is revoked</dt>
        <dd>{TERMINATION_LABELS[a.onTermination]}</dd>
      </dl>
      <p>
        <a href={policyPath(a.id)} download>
          Download ODRL policy
        </a>{" "}
        <span className="meta">(these terms in W3C&apos;s rights language, JSON-LD)</span>
      </p>

      <h2>The grantor&apos;s words</h2>
      {a.grantorStatement ? (
        <blockquote className="attribution" style={{ whiteSpace: "pre-wrap" }}>
          {a.grantorStatement}
        </blockquote>
      ) : (
        <p className="meta">Not recorded.</p>
      )}

      <h2>Record</h2>
      <ul>
        <li>
          Requested {isoMinute(a.requestedAt)} by {who(a.requestedBy)}
        </li>
        {a.decidedAt && (
          <li>
            {a.status === "DENIED" ? "Denied" : "Granted"} {isoMinute(a.decidedAt)} by {who(a.decidedBy)}
          </li>
        )}
        {a.denialReason && <li>Reason for denial: {a.denialReason}</li>}
        {a.revokedAt && (
          <li>
            Revoked {isoMinute(a.revokedAt)} by {who(a.revokedBy)}: {a.revocationReason}
          </li>
        )}
        {a.renews && (
          <li>
            Renews <Link href={`/admin/authorizations/${a.renews.id}`}>an authorization</Link> (
            {DERIVED_STATUS_LABELS[a.renews.derived].toLowerCase()}, until{" "}
            {isoDate(a.renews.validUntil) || "no end"})
          </li>
        )}
        {a.renewedBy.map((r) => (
          <li key={r.id}>
            Renewal <Link href={`/admin/authorizations/${r.id}`}>requested {isoMinute(r.requestedAt)}</Link> (
            {DERIVED_STATUS_LABELS[r.derived].toLowerCase()})
          </li>
        ))}
      </ul>

      <h2>Evidence</h2>
      {a.evidence.length === 0 ? (
        <p>No evidence on file.</p>
      ) : (
        <table className="data-table">
          <ColumnHeads columns={["Kind", "Evidence", "SHA-256", "Captured", "Note", "Added"]} />
          <tbody>
            {a.evidence.map((e) => (
              <tr key={e.id}>
                <td>{EVIDENCE_KIND_LABELS[e.kind]}</td>
                <td>
                  {e.url && /^https?:\/\//i.test(e.url) && (
                    <a href={e.url} rel="noopener noreferrer nofollow" target="_blank">
                      {e.url}
                    </a>
                  )}
                  {e.storageKey && (
                    <>
                      <a
                        href={`/api/admin/authorizations/evidence/${e.id}`}
                        download={e.fileName ?? undefined}
                      >
                        {e.fileName}
                      </a>
                      <div className="meta">
                        {e.contentType} · {bytes(e.byteSize)}
                      </div>
                    </>
                  )}
                </td>
                <td>{e.sha256 ? <code style={{ wordBreak: "break-all" }}>{e.sha256}</code> : "—"}</td>
                <td>{isoMinute(e.capturedAt) || "—"}</td>
                <td>{e.note}</td>
                <td>
                  {isoMinute(e.createdAt)}
                  <div className="meta">{who(e.createdBy)}</div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2 id="covered">Covered articles</h2>
      {covered === 0 ? (
        <p>No article relies on this authorization.</p>
      ) : (
        <table className="data-table">
          <ColumnHeads columns={["Title", "Status", "Published"]} />
          <tbody>
            {a.articles.map((article) => (
              <tr key={article.id}>
                <td>
                  <Link href={`/admin/articles/${article.id}`}>{article.title}</Link>
                </td>
                <td>
                  {article.status.toLowerCase().replace("_", " ")}
                  {article.withdrawnAt && (
                    <div className="meta">withdrawn {isoMinute(article.withdrawnAt)}</div>
                  )}
                </td>
                <td>{isoMinute(article.publishedAt) || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {manage && (
        <section aria-labelledby="decide">
          <h2 id="decide">Decide</h2>
          {a.derived === "REQUESTED" && (
            <>
              <h3>Grant</h3>
              <GrantForm target={target} terms={termsFormValues(a)} evidenceCount={a.evidence.length} />
              <h3>Deny</h3>
              <DenyForm target={target} consequence={denyConsequence} />
            </>
          )}
          {a.derived === "GRANTED" && (
            <>
              <h3>Revoke</h3>
              <RevokeForm target={target} consequence={revokeConsequence} />
            </>
          )}
          {(a.derived === "GRANTED" || a.derived === "EXPIRED") && (
            <>
              <h3>Renew</h3>
              {openRenewal ? (
                <p>
                  <Link href={`/admin/authorizations/${openRenewal.id}`}>A renewal</Link>{" "}
                  {openRenewal.status === "REQUESTED" ? "is waiting for a decision." : "has been granted."}
                </p>
              ) : (
                <>
                  <p className="meta">
                    Records a new request with these conditions and a new term of the same length.{" "}
                    <Link href={`/admin/authorizations/new?renews=${a.id}`}>Adjust the terms first</Link>.
                  </p>
                  <RenewForm id={a.id} />
                </>
              )}
            </>
          )}
          {(a.derived === "DENIED" || a.derived === "REVOKED") && (
            <p className="meta">
              This decision is final.{" "}
              <Link href={`/admin/authorizations/new?source=${a.sourceId}`}>Record a new request</Link>{" "}
              instead.
            </p>
          )}
          <h3>Add evidence</h3>
          <EvidenceForm authorizationId={a.id} />
        </section>
      )}
      {!manage &&
        can(user, "authorization.request") &&
        (a.derived === "GRANTED" || a.derived === "EXPIRED") &&
        !openRenewal && (
          <p>
            <Link href={`/admin/authorizations/new?renews=${a.id}`}>Record a renewal request</Link>
          </p>
        )}

      <h2>History</h2>
      <ol className="history">
        {a.events.map((event) => (
          <li key={event.id}>
            <strong>{event.type.replaceAll("_", " ").toLowerCase()}</strong> · {isoMinute(event.createdAt)} ·{" "}
            {who(event.actor)}
            {event.fromStatus !== event.toStatus && event.toStatus && (
              <span className="meta">
                {" "}
                ({event.fromStatus ? `${event.fromStatus.toLowerCase()} → ` : ""}
                {event.toStatus.toLowerCase()})
              </span>
            )}
            {event.data !== null && (
              <details>
                <summary>Details</summary>
                <pre style={{ whiteSpace: "pre-wrap" }}>{JSON.stringify(event.data, null, 2)}</pre>
              </details>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
