// A search that asks for anything: proxy.ts rewrites /search?q=… here, to the key of its
// normalized parameters (lib/search/page-key.ts), so that each distinct search is one cached page,
// rendered on first request. The page itself is ../page.tsx; keys no search has are not found.
export { default, generateMetadata } from "../page";

export function generateStaticParams(): Array<{ key: string }> {
  return [];
}
