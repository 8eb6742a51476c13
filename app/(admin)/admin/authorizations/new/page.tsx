import Link from "next/link";
import { RequestForm } from "@/components/admin/authorizations/request-form";
import { requirePagePermission } from "@/lib/platform/page-guard";
import { DERIVED_STATUS_LABELS } from "@/lib/rights/authorizations/status";
import { blankTermsFormValues, termsFormValues } from "@/lib/rights/authorizations/terms";
import { now } from "@/lib/platform/clock";
import { renewalDraft, sourceOptions } from "@/lib/rights/authorizations/list";

export const metadata = { title: "Record a reprint request" };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

function single(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  return text && text.length <= 64 ? text : undefined;
}

export default async function NewAuthorizationPage({ searchParams }: Props) {
  await requirePagePermission("authorization.request", "/admin/authorizations/new");
  const params = await searchParams;
  const at = now();
  const renewsParam = single(params.renews);
  const [sources, draft] = await Promise.all([
    sourceOptions(),
    renewsParam ? renewalDraft(renewsParam, at) : Promise.resolve(null),
  ]);
  const sourceParam = single(params.source);
  const preselected = draft?.sourceId ?? sources.find((s) => s.id === sourceParam)?.id;
  const renewable = draft && (draft.derived === "GRANTED" || draft.derived === "EXPIRED");
  return (
    <>
      <h1>{draft ? "Request a renewal" : "Record a reprint request"}</h1>
      <p>
        <Link href="/admin/authorizations">All authorizations</Link>
      </p>
      {renewsParam && !draft && <p className="notice">The authorization to renew was not found.</p>}
      {draft && (
        <p className="notice">
          Renewing <Link href={`/admin/authorizations/${draft.renewsId}`}>an authorization</Link> that is{" "}
          {DERIVED_STATUS_LABELS[draft.derived].toLowerCase()}. Its conditions are filled in below, with a new
          term of the same length; it is not changed itself.
          {!renewable && " Only granted authorizations (in force or expired) can be renewed."}
        </p>
      )}
      {sources.length === 0 ? (
        <p>No source is on file yet: add the rights holder as a source first.</p>
      ) : (
        <RequestForm
          sources={sources}
          defaultSourceId={preselected}
          renewsId={draft?.renewsId}
          defaults={draft ? termsFormValues(draft.terms) : blankTermsFormValues(at)}
        />
      )}
    </>
  );
}
