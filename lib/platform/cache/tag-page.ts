// Labels the page being rendered with cache tags, so that invalidating any of them re-renders it.
// Next gives a page the tags of every cached read its render makes; without cache components
// the way to add one is such a read, here one that caches nothing of interest.
import { unstable_cache } from "next/cache";

// Next keeps at most this many tags per cached read.
const MAX_TAGS = 128;

export async function tagPage(tags: readonly string[]): Promise<void> {
  const unique = [...new Set(tags)].sort();
  for (let i = 0; i < unique.length; i += MAX_TAGS) {
    const batch = unique.slice(i, i + MAX_TAGS);
    await unstable_cache(async () => true, ["page-tags", ...batch], { tags: batch })();
  }
}
