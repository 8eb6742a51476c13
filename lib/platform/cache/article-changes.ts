// What to invalidate when something readers see changes. Call after the change is committed.
import { invalidate } from "./invalidate";
import { cacheTag } from "./tags";

/** An article that is, or was until now, public: its page and every list it may be in. */
export function invalidateArticle(...articleIds: string[]): Promise<void> {
  return invalidate([cacheTag.articles, ...articleIds.map(cacheTag.article)]);
}

/** A tag, person or source renamed or edited: pages naming it, and the lists (cards show names). */
export function invalidateTaxonomy(kind: "tag" | "person" | "source", ...ids: string[]): Promise<void> {
  return invalidate([cacheTag.articles, ...ids.map(cacheTag[kind])]);
}
