import Link from "next/link";
import { RecordGrantedForm } from "@/components/admin/authorizations/record-granted-form";
import { now } from "@/lib/platform/clock";
import { requirePagePermission } from "@/lib/platform/page-guard";
import { sourceOptions } from "@/lib/rights/authorizations/list";
import { blankTermsFormValues } from "@/lib/rights/authorizations/terms";

export const metadata = { title: "Record an authorization" };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function RecordGrantedAuthorizationPage({ searchParams }: Props) {
  await requirePagePermission("authorization.manage", "/admin/authorizations/record");
  const params = await searchParams;
  const sourceParam = Array.isArray(params.source) ? params.source[0] : params.source;
  const at = now();
  const sources = await sourceOptions();
  const preselected = sources.find((source) => source.id === sourceParam)?.id;
  return (
    <>
      <p>
        <Link href="/admin/authorizations">All authorizations</Link>
      </p>
      <h1>Record an authorization</h1>
      <p className="meta">
        For a permission the rights holder has already given (by email, say, before it was recorded here): its
        terms and its evidence, recorded as granted in one go. To ask for a permission, record a{" "}
        <Link href={`/admin/authorizations/new${preselected ? `?source=${preselected}` : ""}`}>request</Link>{" "}
        instead.
      </p>
      {sources.length === 0 ? (
        <p>No source is on file yet: add the rights holder as a source first.</p>
      ) : (
        <RecordGrantedForm
          sources={sources}
          defaultSourceId={preselected}
          defaults={blankTermsFormValues(at)}
          today={at.toISOString().slice(0, 10)}
        />
      )}
    </>
  );
}
