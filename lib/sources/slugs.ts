// Source slugs are kept like tag and person slugs (lib/taxonomy/shared.ts, entityType "Source"):
// unique, and old ones kept in SlugRedirect so /sources/<old> can answer 308 to the current address.
import { resolveSlugRedirect } from "@/lib/taxonomy/shared";

/**
 * Where an old source address leads: the source's id and current slug, or null. The public
 * /sources/<slug> page looks up the live slug first, calls this on a miss, then answers 308.
 */
export async function resolveSourceSlugRedirect(
  slug: string,
): Promise<{ sourceId: string; slug: string } | null> {
  const moved = await resolveSlugRedirect("Source", slug);
  return moved ? { sourceId: moved.entityId, slug: moved.slug } : null;
}
