import { ArticleEditor } from "@/components/editor/article-editor";
import { requirePagePermission } from "@/lib/admin-guard";
import { editorOptions, EMPTY_FIELDS } from "@/lib/data/editor";
import { can } from "@/lib/permissions";

export const metadata = { title: "New article" };

export default async function NewArticlePage() {
  const user = await requirePagePermission("article.create", "/admin/articles/new");
  return (
    <ArticleEditor
      article={null}
      initialFields={EMPTY_FIELDS}
      options={await editorOptions()}
      canPublish={can(user, "article.publish")}
      featuredImageUrl={null}
    />
  );
}
