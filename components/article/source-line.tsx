import Link from "next/link";
import type { SourceKind } from "@/lib/generated/prisma/enums";

export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  WECHAT_ACCOUNT: "WeChat official account",
  NEWSPAPER: "Newspaper",
  WEBSITE: "Website",
  AGENCY: "Agency",
  INDIVIDUAL: "Individual",
};

/** "Source: WeChat official account Bu Yidao" — the short form shown in lists and headers. */
export function SourceLine({ source }: { source: { name: string; slug: string; kind: SourceKind } }) {
  return (
    <span className="source-line" data-testid="source-line">
      Source: {SOURCE_KIND_LABELS[source.kind]} <Link href={`/sources/${source.slug}`}>{source.name}</Link>
    </span>
  );
}
