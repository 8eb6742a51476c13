// Old slugs (kept in SlugRedirect when a public article, or a tag, source or person, is renamed;
// see ./slugs.ts), so shared links and search results keep working: the article page answers 308
// to the current one, and the checks before routing know the old address.
import { publicArticleWhere } from "@/lib/articles/visibility";
import { now as clockNow } from "@/lib/platform/clock";
import { db } from "@/lib/platform/db";

/**
 * The current slug of the article `oldSlug` used to name, when that article is public now; null
 * otherwise (unknown slug, or the article is a draft, scheduled, archived or withdrawn), so a
 * redirect never reveals an article readers may not see.
 */
export async function currentSlugFor(oldSlug: string, now: Date = clockNow()): Promise<string | null> {
  const slug = oldSlug.normalize("NFC");
  const redirect = await db.slugRedirect.findUnique({
    where: { entityType_oldSlug: { entityType: "Article", oldSlug: slug } },
    select: { entityId: true },
  });
  if (!redirect) return null;
  const article = await db.article.findFirst({
    where: { AND: [{ id: redirect.entityId }, publicArticleWhere(now)] },
    select: { slug: true },
  });
  // An article renamed back to an old slug lives there again: nothing to redirect.
  return article && article.slug !== slug ? article.slug : null;
}

/**
 * What `find` finds by `slug`, or else by the id of the row of `entityType` that had `slug` before
 * a rename (its SlugRedirect): an address answers for a renamed article, tag, source or person.
 */
export async function findBySlugOrFormerSlug<T>(
  entityType: string,
  slug: string,
  find: (where: { slug: string } | { id: string }) => Promise<T | null>,
): Promise<T | null> {
  const current = await find({ slug });
  if (current !== null) return current;
  const redirect = await db.slugRedirect.findUnique({
    where: { entityType_oldSlug: { entityType, oldSlug: slug } },
    select: { entityId: true },
  });
  return redirect ? find({ id: redirect.entityId }) : null;
}
