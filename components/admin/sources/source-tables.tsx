// The authorizations and articles of one source, on /admin/sources/[id].
import Link from "next/link";
import { DERIVED_STATUS_LABELS, SCOPE_LABELS } from "@/lib/rights/authorizations/status";
import type { SourceForAdmin } from "@/lib/sources/list";
import { ARTICLE_STATUS_LABELS, day, validityWindow } from "./labels";
import { ColumnHeads } from "@/components/ui/data-table";

export function SourceAuthorizationsTable({
  authorizations,
}: {
  authorizations: SourceForAdmin["authorizations"];
}) {
  if (authorizations.length === 0) return <p className="meta">No reprint authorization on file.</p>;
  return (
    <table className="data-table" data-testid="source-authorizations">
      <ColumnHeads
        columns={[
          "Status",
          "Scope",
          "Valid",
          "Articles",
          <span key="open" className="visually-hidden">
            Open
          </span>,
        ]}
      />
      <tbody>
        {authorizations.map((authorization) => (
          <tr key={authorization.id} data-testid={`authorization-${authorization.id}`}>
            <td>
              {DERIVED_STATUS_LABELS[authorization.state]}
              <div className="meta">
                Requested {day(authorization.requestedAt)}
                {authorization.decidedAt && `, decided ${day(authorization.decidedAt)}`}
              </div>
            </td>
            <td>
              {SCOPE_LABELS[authorization.scope]}
              {authorization.scope === "ARTICLE" && authorization.scopeUrl && (
                <div className="meta">{authorization.scopeUrl}</div>
              )}
              {authorization.scope === "AUTHOR" && authorization.scopeAuthorName && (
                <div className="meta">{authorization.scopeAuthorName}</div>
              )}
            </td>
            <td>{validityWindow(authorization.validFrom, authorization.validUntil)}</td>
            <td>{authorization.articleCount}</td>
            <td>
              <Link href={`/admin/authorizations/${authorization.id}`}>View authorization</Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SourceArticlesTable({
  sourceId,
  articles,
  total,
}: {
  sourceId: string;
  articles: SourceForAdmin["articles"];
  total: number;
}) {
  if (articles.length === 0) return <p className="meta">No article names this source.</p>;
  return (
    <>
      <table className="data-table" data-testid="source-articles">
        <ColumnHeads columns={["Title", "Status", "Published", "Updated"]} />
        <tbody>
          {articles.map((article) => (
            <tr key={article.id}>
              <td>
                <Link href={`/admin/articles/${article.id}`}>{article.title || "(untitled)"}</Link>
                {!article.authorizationId && article.kind === "REPRINT" && (
                  <div className="meta">No authorization linked</div>
                )}
              </td>
              <td>
                {ARTICLE_STATUS_LABELS[article.status]}
                {article.withdrawnAt && <div className="meta">Withdrawn {day(article.withdrawnAt)}</div>}
              </td>
              <td>{article.publishedAt ? day(article.publishedAt) : "—"}</td>
              <td>{day(article.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > articles.length && (
        <p className="meta">
          Showing the {articles.length} most recently updated of {total}.{" "}
          <Link href={`/admin/articles?source=${sourceId}`}>All articles of this source</Link>
        </p>
      )}
    </>
  );
}
