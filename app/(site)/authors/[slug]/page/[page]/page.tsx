// Page N of the archive; `?page=N` is rewritten here (next.config.ts) so that each page is cached.
export { default, generateMetadata, generateStaticParams } from "../../page";
