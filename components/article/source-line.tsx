import Link from "next/link";
import type { SourceKind } from "@/lib/generated/prisma/enums";
import { SOURCE_KIND_LABELS } from "@/lib/sources/fields";
import { sourcePath } from "@/lib/seo/urls";

/** "Source: WeChat official account Bu Yidao" — the short form shown in lists and headers. */
export function SourceLine({ source }: { source: { name: string; slug: string; kind: SourceKind } }) {
  return (
    <span className="source-line" data-testid="source-line">
      Source: {SOURCE_KIND_LABELS[source.kind]} <Link href={sourcePath(source.slug)}>{source.name}</Link>
    </span>
  );
}
