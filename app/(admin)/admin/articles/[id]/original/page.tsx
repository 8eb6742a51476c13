import Link from "next/link";
import { notFound } from "next/navigation";
import { AttachOriginalForm } from "@/components/editor/attach-original-form";
import { PublishOriginalForm } from "@/components/editor/publish-original-form";
import { SideBySide } from "@/components/editor/side-by-side";
import { requirePagePermission } from "@/lib/platform/page-guard";
import { can } from "@/lib/platform/permissions";
import { canEditArticle } from "@/lib/articles/access";
import { articleForSideBySide } from "@/lib/articles/original-status";
import { rightsPreview } from "@/lib/rights/publish-preview";
import { siteIdentity } from "@/lib/site/identity";

export const metadata = { title: "Original and translation" };

export default async function OriginalPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePagePermission("article.editOwn", `/admin/articles/${id}/original`);
  const article = await articleForSideBySide(id);
  if (!article || !canEditArticle(user, article)) notFound();
  const [preview, site] = await Promise.all([article.original ? rightsPreview(id) : null, siteIdentity()]);
  return (
    <>
      <h1>Original and translation</h1>
      <p>
        <Link href={`/admin/articles/${id}`}>Back to the editor</Link>{" "}
        <span className="meta">· “{article.title || "Untitled"}”</span>
      </p>
      {article.kind !== "REPRINT" ? (
        <p>This is one of our own pieces: only a reprint keeps an original.</p>
      ) : (
        <>
          {article.original ? (
            <SideBySide
              articleId={id}
              headline={article.title}
              translationLanguage={site.language}
              isTranslation={article.isTranslation}
              translation={article.paragraphs}
              original={article.original}
              findings={preview?.details ?? []}
              canConfirmHeadline={can(user, "article.publish")}
            />
          ) : (
            <p>No original is kept for this reprint yet: paste it below.</p>
          )}
          {article.original && article.original.language !== site.language && (
            <PublishOriginalForm
              articleId={id}
              slug={article.slug}
              language={article.original.language}
              published={article.originalPublished}
              articleIsPublic={article.status === "PUBLISHED"}
              canPublish={can(user, "article.publish")}
            />
          )}
          <details className="sbs-attach" open={!article.original}>
            <summary>
              {article.original
                ? "Re-import the original (a correction at the source)"
                : "Attach the original"}
            </summary>
            <AttachOriginalForm articleId={id} hasOriginal={article.original !== null} />
          </details>
        </>
      )}
    </>
  );
}
