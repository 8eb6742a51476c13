import Link from "next/link";
import type { FacetOption, TagFacetOption } from "@/lib/search/search-articles";
import { searchHref } from "@/lib/search/query";
import { TAG_KINDS } from "@/lib/taxonomy/kinds";
import styles from "./search.module.css";
import { TAG_KIND_PLURALS } from "./tag-kinds";

const PER_KIND = 24;

/** What to look at when there is nothing to search for yet: the tags and sources in use. */
export function BrowseTopics({ tags, sources }: { tags: TagFacetOption[]; sources: FacetOption[] }) {
  if (!tags.length && !sources.length) return null;
  return (
    <section aria-labelledby="browse-heading">
      <h2 id="browse-heading">Browse by topic</h2>
      {TAG_KINDS.map((kind) => {
        const ofKind = tags.filter((t) => t.kind === kind).slice(0, PER_KIND);
        if (!ofKind.length) return null;
        return <FacetList key={kind} title={TAG_KIND_PLURALS[kind]} options={ofKind} param="tag" />;
      })}
      {sources.length > 0 && (
        <FacetList title="Sources" options={sources.slice(0, PER_KIND)} param="source" />
      )}
    </section>
  );
}

function FacetList({
  title,
  options,
  param,
}: {
  title: string;
  options: FacetOption[];
  param: "tag" | "source";
}) {
  return (
    <>
      <h3>{title}</h3>
      <ul className={styles.topics}>
        {options.map((option) => (
          <li key={option.slug}>
            <Link href={searchHref({ [param]: option.slug })}>{option.name}</Link>{" "}
            <span className={styles.count}>({option.count})</span>
          </li>
        ))}
      </ul>
    </>
  );
}
