import Link from "next/link";
import { notFound } from "next/navigation";
import { SourceDetails } from "@/components/admin/sources/source-details";
import { DeleteSourceButton, SourceForm, type EditableSource } from "@/components/admin/sources/source-form";
import { SourceArticlesTable, SourceAuthorizationsTable } from "@/components/admin/sources/source-tables";
import { SOURCE_KIND_LABELS } from "@/lib/sources/fields";
import { requirePagePermission } from "@/lib/platform/page-guard";
import { sourceForAdmin, type SourceForAdmin } from "@/lib/sources/list";
import { can } from "@/lib/platform/permissions";
import { sourceInUseMessage } from "@/lib/sources/manage-sources";

export const metadata = { title: "Source" };

/** Only what the form needs crosses to the client. */
function editable(source: SourceForAdmin["source"]): EditableSource {
  return {
    id: source.id,
    name: source.name,
    slug: source.slug,
    kind: source.kind,
    platformId: source.platformId,
    url: source.url,
    description: source.description,
    contactName: source.contactName,
    contactEmail: source.contactEmail,
    contactWechat: source.contactWechat,
    notes: source.notes,
    version: source.updatedAt.toISOString(),
  };
}

export default async function SourcePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePagePermission("source.read", `/admin/sources/${encodeURIComponent(id)}`);
  const loaded = await sourceForAdmin(id);
  if (!loaded) notFound();
  const { source, oldSlugs, authorizations, articles, articleCount, authorizationCount } = loaded;
  const canManage = can(user, "source.manage");
  const inUse = sourceInUseMessage(source.name, { articleCount, authorizationCount });
  return (
    <>
      <p>
        <Link href="/admin/sources">← Sources</Link>
      </p>
      <h1>{source.name}</h1>
      <p className="meta">
        {SOURCE_KIND_LABELS[source.kind]} · on file since {source.createdAt.toISOString().slice(0, 10)}
      </p>
      {canManage ? (
        <>
          <SourceForm source={editable(source)} />
          {oldSlugs.length > 0 && (
            <p className="meta">
              Old addresses that lead here: {oldSlugs.map((slug) => `/sources/${slug}`).join(", ")}
            </p>
          )}
        </>
      ) : (
        <SourceDetails source={source} oldSlugs={oldSlugs} />
      )}
      <h2>Reprint authorizations ({authorizationCount})</h2>
      {(can(user, "authorization.manage") || can(user, "authorization.request")) && (
        <p>
          {can(user, "authorization.manage") && (
            <>
              <Link href={`/admin/authorizations/record?source=${encodeURIComponent(source.id)}`}>
                Record an authorization
              </Link>{" "}
              (already granted, with its evidence) ·{" "}
            </>
          )}
          <Link href={`/admin/authorizations/new?source=${encodeURIComponent(source.id)}`}>
            Record a request
          </Link>
        </p>
      )}
      <SourceAuthorizationsTable authorizations={authorizations} />
      <h2>Articles ({articleCount})</h2>
      <SourceArticlesTable sourceId={source.id} articles={articles} total={articleCount} />
      {canManage && (
        <>
          <h2>Delete</h2>
          {inUse ? (
            <p className="meta">{inUse}</p>
          ) : (
            <DeleteSourceButton source={{ id: source.id, name: source.name }} />
          )}
        </>
      )}
    </>
  );
}
