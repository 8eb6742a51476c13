// What to invalidate when something readers see changes. Call after the change is committed.
import { invalidate } from "./invalidate";
import { cacheTag } from "./tags";

/** An article that is, or was until now, public: its page and every list it may be in. */
export function invalidateArticle(...articleIds: string[]): Promise<void> {
  return invalidate([cacheTag.articles, ...articleIds.map(cacheTag.article)]);
}

/**
 * As invalidateArticle, for articles withdrawn from readers over their rights (a lapse, a
 * takedown): a CDN's copies are purged ahead of every other purge waiting.
 */
export function invalidateWithdrawnArticle(...articleIds: string[]): Promise<void> {
  return invalidate([cacheTag.articles, ...articleIds.map(cacheTag.article)], { withdrawal: true });
}

/** A tag, person or source renamed or edited: pages naming it, and the lists (cards show names). */
export function invalidateTaxonomy(kind: "tag" | "person" | "source", ...ids: string[]): Promise<void> {
  return invalidate([cacheTag.articles, ...ids.map(cacheTag[kind])]);
}

/** A source's authorization revoked: its reprints leave readers, purged first as a withdrawal. */
export function invalidateRevokedSource(sourceId: string): Promise<void> {
  return invalidate([cacheTag.articles, cacheTag.source(sourceId)], { withdrawal: true });
}
