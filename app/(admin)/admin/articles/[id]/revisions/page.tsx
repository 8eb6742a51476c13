import Link from "next/link";
import { notFound } from "next/navigation";
import { RestoreRevisionButton } from "@/components/admin/revisions/restore-revision-button";
import { RevisionDiffView } from "@/components/admin/revisions/revision-diff-view";
import { requirePagePermission } from "@/lib/platform/page-guard";
import { canEditArticle } from "@/lib/articles/access";
import { diffRevisions } from "@/lib/articles/revision-diff";
import {
  articleForRevisions,
  getRevisionsForComparison,
  listRevisions,
  type RevisionDetail,
  type RevisionListItem,
} from "@/lib/articles/revision-history";
import type { RevisionReason } from "@/lib/generated/prisma/enums";
import { ColumnHeads } from "@/components/ui/data-table";

export const metadata = { title: "Revisions" };

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const REASON_LABELS: Record<RevisionReason, string> = {
  MANUAL_SAVE: "Saved",
  PUBLISH: "Published or scheduled",
  RESTORE: "Restored",
  IMPORT: "Imported",
};

function when(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

function describe(revision: RevisionListItem): string {
  return `version ${revision.version} (${REASON_LABELS[revision.reason].toLowerCase()}, ${when(revision.createdAt)}${revision.authorName ? `, by ${revision.authorName}` : ""})`;
}

function single(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

export default async function RevisionsPage({ params, searchParams }: Props) {
  const { id } = await params;
  const path = `/admin/articles/${id}/revisions`;
  const user = await requirePagePermission("article.editOwn", path);
  const article = await articleForRevisions(id);
  if (!article || !canEditArticle(user, article)) notFound();

  const query = await searchParams;
  const { revisions, total } = await listRevisions(article.id);
  const latest = revisions[0];
  // By default: what the latest revision changed, compared with the one before it.
  const defaults = { a: revisions[1]?.id ?? latest?.id, b: latest?.id };

  let pair: { a: RevisionDetail; b: RevisionDetail } | null = null;
  let notice: string | null = null;
  if (defaults.a && defaults.b) {
    const requested = await getRevisionsForComparison(
      article.id,
      single(query.a) ?? defaults.a,
      single(query.b) ?? defaults.b,
    );
    if (requested.a && requested.b) pair = { a: requested.a, b: requested.b };
    else {
      notice = "A chosen revision is not part of this article's history; showing the latest changes instead.";
      const fallback = await getRevisionsForComparison(article.id, defaults.a, defaults.b);
      if (fallback.a && fallback.b) pair = { a: fallback.a, b: fallback.b };
    }
  }

  return (
    <>
      <h1>Revisions of “{article.title}”</h1>
      <p>
        <Link href={`/admin/articles/${article.id}`}>Back to the editor</Link>{" "}
        <span className="meta">· current version {article.version}</span>
      </p>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}

      {revisions.length === 0 ? (
        <p>This article has no saved revisions yet.</p>
      ) : (
        <>
          <form id="compare-revisions" method="get" action={path} />
          <table className="data-table">
            <caption className="visually-hidden">
              Revisions, newest first. Choose one in “From” and one in “To”, then Compare.
            </caption>
            <ColumnHeads columns={["From", "To", "Version", "Saved (UTC)", "By", "Why", "Restore"]} />
            <tbody>
              {revisions.map((revision) => (
                <tr key={revision.id}>
                  <td>
                    <input
                      type="radio"
                      name="a"
                      value={revision.id}
                      form="compare-revisions"
                      defaultChecked={revision.id === pair?.a.id}
                      aria-label={`Compare from ${describe(revision)}`}
                    />
                  </td>
                  <td>
                    <input
                      type="radio"
                      name="b"
                      value={revision.id}
                      form="compare-revisions"
                      defaultChecked={revision.id === pair?.b.id}
                      aria-label={`Compare to ${describe(revision)}`}
                    />
                  </td>
                  <td>{revision.version}</td>
                  <td>{revision.createdAt.toISOString().slice(0, 16).replace("T", " ")}</td>
                  <td>{revision.authorName ?? "—"}</td>
                  <td>{REASON_LABELS[revision.reason]}</td>
                  <td>
                    {revision.version === article.version ? (
                      <span className="meta">Current content</span>
                    ) : (
                      <RestoreRevisionButton
                        articleId={article.id}
                        revisionId={revision.id}
                        revisionVersion={revision.version}
                        articleVersion={article.version}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {total > revisions.length && (
            <p className="meta">
              Showing the newest {revisions.length} of {total} revisions.
            </p>
          )}
          <p>
            <button type="submit" form="compare-revisions">
              Compare
            </button>
          </p>
        </>
      )}

      {pair && (
        <section aria-labelledby="diff-heading">
          <h2 id="diff-heading">
            {pair.a.id === pair.b.id
              ? `Version ${pair.b.version}`
              : `Changes from version ${pair.a.version} to version ${pair.b.version}`}
          </h2>
          <p className="meta">
            From {describe(pair.a)}
            <br />
            To {describe(pair.b)}
          </p>
          {pair.a.id === pair.b.id ? (
            <p>
              {revisions.length === 1
                ? "This is the only revision so far: there is nothing to compare it with yet."
                : "You chose the same revision twice: choose two different ones to see changes."}
            </p>
          ) : (
            <RevisionDiffView diff={diffRevisions(pair.a, pair.b)} />
          )}
        </section>
      )}
    </>
  );
}
