// Reads of public content that many readers share: feeds, the sitemap, the JSON API, search.
// Any change to what is public invalidates `articles` (lib/platform/cache/article-changes.ts), so that
// one tag keeps them all honest.
import { createReadCache } from "./cached-read";
import { cacheTag } from "./tags";

const reads = createReadCache("public", 500);

export function publicRead<T>(
  key: string,
  load: () => Promise<T>,
  tags: readonly string[] = [cacheTag.articles],
  expiresAt?: (value: T) => number | null,
): Promise<T> {
  return reads.read(key, tags, load, expiresAt);
}
