import type { Db, DbTransaction } from "@/lib/platform/db";
import { slugify } from "@/lib/platform/slug";

/** `base` (or the title's slug), made unique among articles by a numeric suffix. */
export async function uniqueArticleSlug(
  tx: Db | DbTransaction,
  base: string,
  excludeId?: string,
): Promise<string> {
  const root = slugify(base);
  const taken = await tx.article.findMany({
    where: { slug: { startsWith: root }, id: excludeId ? { not: excludeId } : undefined },
    select: { slug: true },
  });
  const used = new Set(taken.map((a) => a.slug));
  if (!used.has(root)) return root;
  for (let n = 2; ; n++) {
    const candidate = `${root}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

/**
 * A desk draft has no address of its own until it goes public or an editor sets one: until then
 * its slug column holds its id, which no title turns into, so abandoned drafts reserve no URL.
 */
export function hasOwnAddress(article: { id: string; slug: string }): boolean {
  return article.slug !== article.id;
}

/** The slug an article has, or the one its title would give it if it went public now. */
export async function addressSlug(
  tx: Db | DbTransaction,
  article: { id: string; slug: string; title: string },
): Promise<string> {
  return hasOwnAddress(article) ? article.slug : uniqueArticleSlug(tx, article.title, article.id);
}

/** Keeps the old slug of a public article so its URL redirects to the new one. */
export async function rememberOldSlug(tx: DbTransaction, articleId: string, oldSlug: string): Promise<void> {
  await tx.slugRedirect.upsert({
    where: { entityType_oldSlug: { entityType: "Article", oldSlug } },
    create: { entityType: "Article", oldSlug, entityId: articleId },
    update: { entityId: articleId },
  });
}
