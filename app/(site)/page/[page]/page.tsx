// Page N of the front page: `/?page=N` is rewritten here (next.config.ts) so that each page is a
// cached page of its own, rendered on first visit. Page 1 is `/` (../../page.tsx), where
// next.config.ts sends /page/1; what else here means page 1 (/page/abc) is canonical to `/`.
export { default, generateMetadata } from "../../page";

export function generateStaticParams(): Array<{ page: string }> {
  return [];
}
