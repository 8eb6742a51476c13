import { notFound } from "next/navigation";
import { ArticleView } from "@/components/article/article-view";
import { requirePagePermission } from "@/lib/platform/page-guard";
import { canEditArticle } from "@/lib/articles/access";
import { getArticleForPreview } from "@/lib/articles/public-articles";

export const metadata = { title: "Preview", robots: { index: false } };

export default async function PreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePagePermission("article.editOwn", `/admin/articles/${id}/preview`);
  const article = await getArticleForPreview(id);
  if (!article || !canEditArticle(user, article)) notFound();
  return (
    <div className="site-main">
      <p className="notice" role="status">
        Preview of{" "}
        {article.status === "PUBLISHED"
          ? "the published article"
          : `a ${article.status.toLowerCase().replace("_", " ")} article`}
        : readers see it like this once it is public.
      </p>
      <ArticleView article={article} />
    </div>
  );
}
