// Invalidation: this instance forgets at once, the shared page cache (REDIS_URL, shared-store.ts)
// records it, and every other instance hears it through PostgreSQL NOTIFY
// (lib/platform/cache/listener.ts), so several instances behind one load balancer agree within
// milliseconds; with a CDN configured, a purge of the same tags is queued (cdn-purge-job.ts). Call
// it after the change has been committed.
import { db } from "@/lib/platform/db";
import { enqueueCdnPurge } from "./cdn-purge-job";
import { purgeTagsFor } from "./cdn-tags";
import { INSTANCE_ID, markInvalidated } from "./registry";
import { sharedStore } from "./shared-store";

export const INVALIDATION_CHANNEL = "cache_invalidation";

// NOTIFY payloads are limited to 8000 bytes; tags are short, so 100 fit comfortably.
const TAGS_PER_NOTIFICATION = 100;

export interface InvalidationMessage {
  from: string;
  tags: string[];
  /** The sender could not record these in the shared page cache: a listener that can, does. */
  unsharedTags?: true;
}

export interface InvalidateOptions {
  /**
   * The change withdrew something from readers (a lapse, a revocation, a takedown): its CDN purge
   * goes ahead of ordinary ones.
   */
  withdrawal?: boolean;
}

export async function invalidate(tags: readonly string[], options: InvalidateOptions = {}): Promise<void> {
  const unique = [...new Set(tags)];
  if (unique.length === 0) return;
  markInvalidated(unique);
  // Before the others hear of it: an instance that drops its own copy on hearing must not then
  // find the stale one in the shared cache.
  const shared = (await sharedStore()?.invalidate(unique)) ?? true;
  for (let i = 0; i < unique.length; i += TAGS_PER_NOTIFICATION) {
    const message: InvalidationMessage = {
      from: INSTANCE_ID,
      tags: unique.slice(i, i + TAGS_PER_NOTIFICATION),
      ...(shared ? {} : { unsharedTags: true }),
    };
    try {
      await db.$executeRaw`SELECT pg_notify(${INVALIDATION_CHANNEL}, ${JSON.stringify(message)})`;
    } catch (error) {
      // This instance is already up to date; the others catch up at their next invalidation
      // or restart. Never fail the reader's or editor's request over it.
      console.error(JSON.stringify({ event: "cache.notify.failed", message: (error as Error).message }));
    }
  }
  try {
    await enqueueCdnPurge(purgeTagsFor(unique), { withdrawal: options.withdrawal ?? false });
  } catch (error) {
    // The change stands; the CDN's copies end with their own lifetimes (s-maxage).
    console.error(JSON.stringify({ event: "cdn.purge.enqueue.failed", message: (error as Error).message }));
  }
}
