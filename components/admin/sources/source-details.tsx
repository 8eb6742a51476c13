// A source's details, read-only: what editors see on /admin/sources/[id].
import { SOURCE_KIND_LABELS } from "@/lib/sources/fields";
import type { SourceKind } from "@/lib/generated/prisma/enums";
import { webAddressProblem } from "@/lib/sources/schema";

export interface SourceDetailsProps {
  source: {
    name: string;
    slug: string;
    kind: SourceKind;
    platformId: string | null;
    url: string | null;
    description: string;
    contactName: string | null;
    contactEmail: string | null;
    contactWechat: string | null;
    notes: string;
  };
  oldSlugs: string[];
}

function Missing() {
  return <span className="meta">Not on file</span>;
}

export function SourceDetails({ source, oldSlugs }: SourceDetailsProps) {
  return (
    <dl className="source-details" data-testid="source-details">
      <dt>Kind</dt>
      <dd>{SOURCE_KIND_LABELS[source.kind]}</dd>
      <dt>Address</dt>
      <dd>
        <code>/sources/{source.slug}</code>
        {oldSlugs.length > 0 && (
          <div className="meta">Also answers {oldSlugs.map((slug) => `/sources/${slug}`).join(", ")}</div>
        )}
      </dd>
      <dt>Platform id</dt>
      <dd>{source.platformId ?? <Missing />}</dd>
      <dt>Web address</dt>
      <dd>
        {source.url && webAddressProblem(source.url) === null ? (
          <a href={source.url} rel="noopener noreferrer nofollow" target="_blank">
            {source.url}
          </a>
        ) : (
          // An address stored before validation existed is shown, never linked.
          (source.url ?? <Missing />)
        )}
      </dd>
      <dt>Description</dt>
      <dd style={{ whiteSpace: "pre-wrap" }}>{source.description || <Missing />}</dd>
      <dt>Contact name</dt>
      <dd>{source.contactName ?? <Missing />}</dd>
      <dt>Contact email</dt>
      <dd>
        {source.contactEmail ? (
          <a href={`mailto:${source.contactEmail}`}>{source.contactEmail}</a>
        ) : (
          <Missing />
        )}
      </dd>
      <dt>Contact WeChat id</dt>
      <dd>{source.contactWechat ?? <Missing />}</dd>
      <dt>Notes</dt>
      <dd style={{ whiteSpace: "pre-wrap" }}>{source.notes || <Missing />}</dd>
    </dl>
  );
}
