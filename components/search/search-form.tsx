import type { FacetOption, TagFacetOption } from "@/lib/search/search-articles";
import { MAX_QUERY_LENGTH } from "@/lib/search/query";
import { TAG_KINDS } from "@/lib/taxonomy/kinds";
import styles from "./search.module.css";
import { TAG_KIND_PLURALS } from "./tag-kinds";

/**
 * Options a filter list offers: the most used (the facets come most used first), and the chosen
 * one wherever it ranks. A select of hundreds of options helps nobody and weighs down every
 * results page; the full lists are on the empty search page and the archives.
 */
const MAX_FILTER_OPTIONS = 40;

function filterOptions<T extends { slug: string }>(all: T[], chosen: string | undefined): T[] {
  const top = all.slice(0, MAX_FILTER_OPTIONS);
  const selected = chosen && !top.some((o) => o.slug === chosen) && all.find((o) => o.slug === chosen);
  return selected ? [...top, selected] : top;
}

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
  const tagOptions = filterOptions(tags, tag);
  const sourceOptions = filterOptions(sources, source);
  const tagKnown = !tag || tagOptions.some((t) => t.slug === tag);
  const sourceKnown = !source || sourceOptions.some((s) => s.slug === source);
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
            const options = tagOptions.filter((t) => t.kind === kind);
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
          {sourceOptions.map((s) => (
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
