import { redirect } from "next/navigation";
import { requirePagePermission } from "@/lib/platform/page-guard";
import { newArticleId } from "@/lib/articles/schema";

/**
 * A new article gets its id before the editor opens, so the editor's address never changes
 * under it (a changed route would remount the editor mid-typing). Nothing is stored until the
 * first save.
 */
export default async function NewArticlePage() {
  await requirePagePermission("article.create", "/admin/articles/new");
  redirect(`/admin/articles/${newArticleId()}`);
}
