import Link from "next/link";
import type { BylineRole } from "@/lib/generated/prisma/enums";
import { authorPath } from "@/lib/seo/urls";

export interface BylineEntry {
  role: BylineRole;
  person: { name: string; slug: string };
}

function joinNames(entries: BylineEntry[]) {
  return entries.map((entry, i) => (
    <span key={entry.person.slug}>
      {i > 0 && (i === entries.length - 1 ? " and " : ", ")}
      <Link href={authorPath(entry.person.slug)}>{entry.person.name}</Link>
    </span>
  ));
}

/** "By Tiger knife and Sister Daodao · Translated by …" */
export function Byline({ bylines }: { bylines: BylineEntry[] }) {
  const authors = bylines.filter((b) => b.role === "AUTHOR");
  const translators = bylines.filter((b) => b.role === "TRANSLATOR");
  if (!authors.length && !translators.length) return null;
  return (
    <span className="byline" data-testid="byline">
      {authors.length > 0 && <>By {joinNames(authors)}</>}
      {authors.length > 0 && translators.length > 0 && " · "}
      {translators.length > 0 && <>Translated by {joinNames(translators)}</>}
    </span>
  );
}
