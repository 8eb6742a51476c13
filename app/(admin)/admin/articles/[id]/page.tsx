import { notFound } from "next/navigation";
import { ArticleEditor } from "@/components/editor/article-editor";
import { requirePagePermission } from "@/lib/admin-guard";
import { canEditArticle } from "@/lib/articles/access";
import { articleForEditor, editorOptions } from "@/lib/data/editor";
import { can } from "@/lib/permissions";

export const metadata = { title: "Edit article" };

export default async function EditArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePagePermission("article.editOwn", `/admin/articles/${id}`);
  const loaded = await articleForEditor(id);
  if (!loaded || !canEditArticle(user, { createdById: loaded.createdById, status: loaded.status }))
    notFound();
  return (
    <ArticleEditor
      article={loaded.server}
      initialFields={loaded.fields}
      options={await editorOptions()}
      canPublish={can(user, "article.publish")}
      featuredImageUrl={loaded.featuredImageUrl}
    />
  );
}
