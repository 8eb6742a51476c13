// When what readers may see next changes by time alone: a scheduled publication comes due, or a
// reprint authorization begins or ends. Every cached public answer (pages, feeds, the API,
// search, the withdrawn-slug check) carries that moment as an `expires:` tag and is a miss from
// then on, so an expiry reaches readers when it happens, not at the rights sweep; the launcher
// bounds Cache-Control by the same moment. It is the earliest such moment over all articles and
// authorizations, not only those an answer shows: earlier than needed at worst (one more render),
// never later, and one cheap read for everything.
import { db } from "@/lib/platform/db";
import { createReadCache } from "@/lib/platform/cache/cached-read";
import { publicRead } from "@/lib/platform/cache/public-reads";
import { expiresTag, noteNextExpiry } from "@/lib/platform/cache/registry";
import { cacheTag } from "@/lib/platform/cache/tags";
import { tagPage } from "@/lib/platform/cache/tag-page";

/** The first moment after `at` at which the visibility rule (visibility.ts) may answer differently. */
export async function nextVisibilityChange(at: Date): Promise<Date | null> {
  const [starts, ends, releases] = await Promise.all([
    db.reprintAuthorization.aggregate({ _min: { validFrom: true }, where: { validFrom: { gt: at } } }),
    db.reprintAuthorization.aggregate({ _min: { validUntil: true }, where: { validUntil: { gt: at } } }),
    db.article.aggregate({
      _min: { publishedAt: true },
      where: { status: { in: ["PUBLISHED", "SCHEDULED"] }, withdrawnAt: null, publishedAt: { gt: at } },
    }),
  ]);
  const moments = [starts._min.validFrom, ends._min.validUntil, releases._min.publishedAt]
    .filter((moment): moment is Date => moment !== null)
    .map((moment) => moment.getTime());
  return moments.length === 0 ? null : new Date(Math.min(...moments));
}

/**
 * `nextVisibilityChange`, shared: read again after any change to what is public (the `articles`
 * tag, which every authorization decision invalidates) and once the moment has come.
 */
async function nextChangeMs(at: Date): Promise<number | null> {
  const next = await publicRead(
    "visibility:next-change",
    async () => (await nextVisibilityChange(at))?.getTime() ?? null,
    [cacheTag.articles],
    (value) => value,
  );
  noteNextExpiry(next);
  return next;
}

/** The tags that make a cached public answer, built at `at`, expire when it stops being true. */
export async function visibilityExpiryTags(at: Date): Promise<string[]> {
  const next = await nextChangeMs(at);
  return next === null ? [] : [expiresTag(next)];
}

/**
 * A public read (lib/platform/cache/public-reads.ts) that also expires when the public set next
 * changes by time: use it for anything that shows which articles are public.
 */
export async function readPublic<T>(
  key: string,
  at: Date,
  load: () => Promise<T>,
  tags: readonly string[] = [cacheTag.articles],
): Promise<T> {
  return publicRead(key, load, [...tags, ...(await visibilityExpiryTags(at))]);
}

/**
 * `readPublic` over a cache of its own, bounded by `maxEntries`: for reads keyed by an address a
 * reader or crawler chooses, which would otherwise push the shared reads out.
 */
export function publicReadsOfTheirOwn(name: string, maxEntries: number) {
  const cache = createReadCache(name, maxEntries);
  return async <T>(key: string, at: Date, load: () => Promise<T>): Promise<T> =>
    cache.read(key, [cacheTag.articles, ...(await visibilityExpiryTags(at))], load);
}

/** Labels a public page (lib/platform/cache/tag-page.ts) so that it also expires with the public set. */
export async function tagPublicPage(tags: readonly string[], at: Date): Promise<void> {
  await tagPage([...tags, ...(await visibilityExpiryTags(at))]);
}
