import { ImportForm } from "@/components/admin/articles/import-form";
import { requirePagePermission } from "@/lib/platform/page-guard";

export const metadata = { title: "New from pasted text" };

export default async function ImportPage() {
  await requirePagePermission("article.create", "/admin/articles/import");
  return (
    <>
      <h1>New from pasted text</h1>
      <p>
        Paste the whole page of the piece you are reprinting, as text or HTML. The title, source line, byline
        and paragraphs are picked out; share buttons and comment forms are left behind. You get a draft to
        check.
      </p>
      <ImportForm />
    </>
  );
}
