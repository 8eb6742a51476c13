import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleCard } from "@/components/article/article-card";
import { BrowseTopics } from "@/components/search/browse-topics";
import { SearchForm } from "@/components/search/search-form";
import { SearchPagination } from "@/components/search/search-pagination";
import { SearchResult } from "@/components/search/search-result";
import { SearchTips } from "@/components/search/search-tips";
import styles from "@/components/search/search.module.css";
import { isBuildPrerender } from "@/lib/platform/cache/build-prerender";
import { readPublic } from "@/lib/articles/visibility-change";
import { tagPublicPage } from "@/lib/articles/visibility-change";
import { cacheTag } from "@/lib/platform/cache/tags";
import { now } from "@/lib/platform/clock";
import { listRecentForSearch, listSearchFacets, searchArticles } from "@/lib/search/search-articles";
import { searchParamsFromKey } from "@/lib/search/page-key";
import { siteIdentity } from "@/lib/site/identity";
import { parseSearchParams, searchHref, type SearchParams } from "@/lib/search/query";

export interface SearchPageProps {
  /** Set on /search/<key>, where a search that asks for anything is rendered ([key]/page.tsx). */
  params: Promise<{ key?: string }>;
}

// The search page, `/search?q=…&tag=…&source=…&page=…`. proxy.ts renders every search at the
// path of its key (lib/search/page-key.ts) so that each distinct search is a cached page, rendered
// on its first request and kept until what is public changes; the empty search is /search itself.
async function searchParams({ params }: SearchPageProps): Promise<SearchParams> {
  const { key } = await params;
  if (key === undefined) return parseSearchParams({});
  const search = searchParamsFromKey(key);
  if (!search) notFound();
  return search;
}

export async function generateMetadata(props: SearchPageProps): Promise<Metadata> {
  const { q } = await searchParams(props);
  // Result pages are endless and thin: let crawlers follow them, not index them.
  return { title: q ? `Search: ${q}` : "Search", robots: { index: false, follow: true } };
}

export default async function SearchPage(props: SearchPageProps) {
  if (isBuildPrerender()) return null;
  await tagPublicPage([cacheTag.articles], now());
  const params = await searchParams(props);
  const at = now();
  // An original in the site's language is the article itself, never a version of its own.
  const { language: siteLanguage } = await siteIdentity();
  // The facet lists are the same for every search: computed once, not per page.
  const [results, facets] = await Promise.all([
    searchArticles({ ...params, now: at, siteLanguage }),
    readPublic("search:facets", at, () => listSearchFacets(at)),
  ]);
  const { q, tag, source } = params;
  const filtering = Boolean(tag || source);
  const tagName = tag && (facets.tags.find((t) => t.slug === tag)?.name ?? tag);
  const sourceName = source && (facets.sources.find((s) => s.slug === source)?.name ?? source);

  return (
    <>
      <h1>Search</h1>
      <SearchForm query={q} tag={tag} source={source} tags={facets.tags} sources={facets.sources} />

      {!q && !filtering ? (
        <EmptySearch tags={facets.tags} sources={facets.sources} at={at} />
      ) : (
        <>
          <p className={styles.summary} role="status">
            {results.total === 0
              ? "No results"
              : `${results.total}${results.capped ? "+" : ""} ${plural(results.total)}`}
            {q && <> for “{q}”</>}
            {tagName && <> in {tagName}</>}
            {sourceName && <> from {sourceName}</>}
            {results.totalPages > 1 && (
              <>
                {" "}
                · page {results.page} of {results.totalPages}
              </>
            )}
            {filtering && (
              <>
                {" · "}
                <Link href={searchHref({ q })}>clear filters</Link>
              </>
            )}
          </p>
          {results.total === 0 ? (
            <NoResults noSearchableWords={results.noSearchableWords} filtering={filtering} q={q} />
          ) : (
            <div className={styles.results}>
              {results.hits.map((hit) => (
                <SearchResult key={hit.article.id} hit={hit} />
              ))}
              <SearchPagination
                query={q}
                tag={tag}
                source={source}
                page={results.page}
                totalPages={results.totalPages}
              />
            </div>
          )}
        </>
      )}
    </>
  );
}

function plural(count: number) {
  return count === 1 ? "result" : "results";
}

function NoResults({
  noSearchableWords,
  filtering,
  q,
}: {
  noSearchableWords: boolean;
  filtering: boolean;
  q: string;
}) {
  return (
    <>
      {noSearchableWords ? (
        <p>
          Your search has only very common words or symbols, which search ignores. Try a more specific word.
        </p>
      ) : (
        <p>Nothing published matches your search.</p>
      )}
      {filtering && q && (
        <p>
          <Link href={searchHref({ q })}>Search all articles for “{q}”</Link> instead.
        </p>
      )}
      <SearchTips />
    </>
  );
}

async function EmptySearch({
  tags,
  sources,
  at,
}: {
  tags: Parameters<typeof BrowseTopics>[0]["tags"];
  sources: Parameters<typeof BrowseTopics>[0]["sources"];
  at: Date;
}) {
  const recent = await readPublic("search:recent", at, () => listRecentForSearch(at));
  return (
    <>
      <p>Search every published article by word, name or phrase, or browse a topic below.</p>
      <SearchTips />
      <BrowseTopics tags={tags} sources={sources} />
      {recent.length > 0 && (
        <section aria-labelledby="recent-heading">
          <h2 id="recent-heading">Recently published</h2>
          {recent.map((article) => (
            <ArticleCard key={article.id} article={article} />
          ))}
        </section>
      )}
    </>
  );
}
