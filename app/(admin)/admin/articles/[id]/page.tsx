import { notFound } from "next/navigation";
import { ArticleEditor } from "@/components/editor/article-editor";
import { requirePagePermission } from "@/lib/platform/page-guard";
import { canEditArticle } from "@/lib/articles/access";
import { rightsForEditor } from "@/lib/articles/editor-rights";
import { articleForEditor, editorOptions, EMPTY_FIELDS } from "@/lib/articles/editor-load";
import { can } from "@/lib/platform/permissions";
import { NEW_ARTICLE_ID } from "@/lib/articles/schema";

export const metadata = { title: "Edit article" };

export default async function EditArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePagePermission("article.editOwn", `/admin/articles/${id}`);
  const loaded = await articleForEditor(id);
  const common = {
    options: await editorOptions(loaded?.fields.authorizationId ?? null),
    canPublish: can(user, "article.publish"),
    canCreate: {
      tags: can(user, "tag.manage"),
      people: can(user, "person.manage"),
      sources: can(user, "source.manage"),
    },
  };
  if (!loaded) {
    // An id handed out by /admin/articles/new that has not been saved yet: a new article.
    if (!NEW_ARTICLE_ID.test(id) || !can(user, "article.create")) notFound();
    return (
      <ArticleEditor
        articleId={id}
        article={null}
        initialFields={EMPTY_FIELDS}
        featuredImageUrl={null}
        initialRights={null}
        {...common}
      />
    );
  }
  if (!canEditArticle(user, { createdById: loaded.createdById, status: loaded.status })) notFound();
  return (
    <ArticleEditor
      articleId={id}
      article={loaded.server}
      initialFields={loaded.fields}
      featuredImageUrl={loaded.featuredImageUrl}
      initialRights={common.canPublish ? await rightsForEditor(id, user) : null}
      {...common}
    />
  );
}
