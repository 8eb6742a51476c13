import Link from "next/link";
import { CommentDefaultsForm } from "@/components/admin/settings/comment-defaults-form";
import { CommentWordsForm } from "@/components/admin/settings/comment-words-form";
import { SiteIdentityForm } from "@/components/admin/settings/site-identity-form";
import { requirePagePermission } from "@/lib/platform/page-guard";
import { commentSettingsForAdmin } from "@/lib/comments/settings";
import { can } from "@/lib/platform/permissions";
import { siteIdentityForAdmin } from "@/lib/site/identity";
import { timeZoneNames } from "@/lib/site/identity-fields";

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requirePagePermission("settings.manage", "/admin/settings");
  const [settings, site] = await Promise.all([commentSettingsForAdmin(), siteIdentityForAdmin()]);
  return (
    <>
      <h1>Settings</h1>
      <section aria-labelledby="identity-heading">
        <h2 id="identity-heading">Site identity</h2>
        <p className="meta">
          The name, words and image every page, feed and search result shows for the site.
        </p>
        <SiteIdentityForm
          identity={site.identity}
          logo={site.logo && { mediaId: site.logo.mediaId, url: site.logo.iconUrl, alt: site.logo.alt }}
          savedAt={site.savedAt}
          timeZones={timeZoneNames()}
        />
      </section>
      <section aria-labelledby="comments-heading">
        <h2 id="comments-heading">Comments</h2>
        <p className="meta">
          Site defaults. An article can set its own mode and limits in the editor’s Comments panel, and those
          win over these.
        </p>
        <CommentDefaultsForm defaults={settings.defaults} savedAt={settings.defaultsSavedAt} />
        <h3>Word lists</h3>
        <CommentWordsForm words={settings.words} savedAt={settings.wordsSavedAt} />
        {can(user, "commenter.manageData") && (
          <>
            <h3>Commenter data</h3>
            <p>
              <Link href="/admin/settings/commenters">Export or erase one commenter’s data by email</Link>
            </p>
          </>
        )}
      </section>
    </>
  );
}
