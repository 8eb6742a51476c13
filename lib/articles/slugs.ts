import type { DbTransaction } from "@/lib/platform/db";
import { slugify } from "@/lib/platform/slug";

/** `base` (or the title's slug), made unique among articles by a numeric suffix. */
export async function uniqueArticleSlug(
  tx: DbTransaction,
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

/** Keeps the old slug of a public article so its URL redirects to the new one. */
export async function rememberOldSlug(tx: DbTransaction, articleId: string, oldSlug: string): Promise<void> {
  await tx.slugRedirect.upsert({
    where: { entityType_oldSlug: { entityType: "Article", oldSlug } },
    create: { entityType: "Article", oldSlug, entityId: articleId },
    update: { entityId: articleId },
  });
}
