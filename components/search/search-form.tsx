import type { FacetOption, TagFacetOption } from "@/lib/data/search";
import { MAX_QUERY_LENGTH } from "@/lib/search/query";
import { TAG_KINDS } from "@/lib/taxonomy/kinds";
import styles from "./search.module.css";
import { TAG_KIND_PLURALS } from "./tag-kinds";

/** A plain GET form: works without JavaScript, and every search has a shareable URL. */
export function SearchForm({
  query,
  tag,
  source,
  tags,
  sources,
}: {
  query: string;
  tag?: string;
  source?: string;
  tags: TagFacetOption[];
  sources: FacetOption[];
}) {
  // A filter from a link may name a tag that has no public article (or none at all): keep it selectable.
  const tagKnown = !tag || tags.some((t) => t.slug === tag);
  const sourceKnown = !source || sources.some((s) => s.slug === source);
  return (
    <form role="search" action="/search" method="get" className={styles.form}>
      <label className={styles.queryField}>
        Search articles
        <input
          type="search"
          name="q"
          defaultValue={query}
          maxLength={MAX_QUERY_LENGTH}
          placeholder={'e.g. Kishida, "Taiwan Strait", Japan -Abe'}
          autoComplete="off"
        />
      </label>
      <label>
        Topic
        <select name="tag" defaultValue={tag ?? ""}>
          <option value="">Any topic</option>
          {!tagKnown && <option value={tag}>{tag}</option>}
          {TAG_KINDS.map((kind) => {
            const options = tags.filter((t) => t.kind === kind);
            if (!options.length) return null;
            return (
              <optgroup key={kind} label={TAG_KIND_PLURALS[kind]}>
                {options.map((t) => (
                  <option key={t.slug} value={t.slug}>
                    {t.name}
                  </option>
                ))}
              </optgroup>
            );
          })}
        </select>
      </label>
      <label>
        Source
        <select name="source" defaultValue={source ?? ""}>
          <option value="">Any source</option>
          {!sourceKnown && <option value={source}>{source}</option>}
          {sources.map((s) => (
            <option key={s.slug} value={s.slug}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">Search</button>
    </form>
  );
}
