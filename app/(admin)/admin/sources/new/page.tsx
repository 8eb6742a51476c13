import Link from "next/link";
import { SourceForm } from "@/components/admin/sources/source-form";
import { requirePagePermission } from "@/lib/platform/page-guard";

export const metadata = { title: "New source" };

export default async function NewSourcePage() {
  await requirePagePermission("source.manage", "/admin/sources/new");
  return (
    <>
      <p>
        <Link href="/admin/sources">← Sources</Link>
      </p>
      <h1>New source</h1>
      <SourceForm />
    </>
  );
}
