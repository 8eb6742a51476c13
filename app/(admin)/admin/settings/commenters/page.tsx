import Link from "next/link";
import { CommenterDataPanel } from "@/components/admin/settings/commenter-data-panel";
import { requirePagePermission } from "@/lib/platform/page-guard";

export const metadata = { title: "Commenter data" };

export default async function CommenterDataPage() {
  await requirePagePermission("commenter.manageData", "/admin/settings/commenters");
  return (
    <>
      <p className="meta">
        <Link href="/admin/settings">Settings</Link> /
      </p>
      <h1>Commenter data</h1>
      <p>
        When a reader asks what we hold about them, or asks to be forgotten: find their comments by the email
        address they commented with. Export gives them every comment with what they entered. Erase replaces
        their name with “Anonymous” and removes their email, website, IP hash and browser from every comment;
        the comment text stays, and each comment’s moderation history records the erasure.
      </p>
      <CommenterDataPanel />
    </>
  );
}
