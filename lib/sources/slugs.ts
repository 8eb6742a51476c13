// Source slugs: unique, and old ones kept in SlugRedirect (entityType "Source") so /sources/<old>
// can answer 308 to the current address. The same invariant as tags and people
// (lib/taxonomy/shared.ts): a slug is either a source's live slug or an old slug, never both,
// and an old slug always points at a source that exists.
import { ActionFailure } from "@/lib/actions/result";
import { db, type DbTransaction } from "@/lib/db";
import { slugify } from "@/lib/slug";

export const SOURCE_ENTITY = "Source";
const MAX_SLUG_LENGTH = 80;

/** Serializes writes to sources for the rest of the transaction, so slug checks cannot race. */
export async function lockSources(tx: DbTransaction): Promise<void> {
  await tx.$executeRaw`select pg_advisory_xact_lock(hashtext('crosscurrent:sources'))`;
}

function withSuffix(root: string, n: number): string {
  if (n === 1) return root;
  const suffix = `-${n}`;
  const head = root.slice(0, MAX_SLUG_LENGTH - suffix.length).replace(/-+$/, "");
  return `${head || "untitled"}${suffix}`;
}

async function takenSlugs(tx: DbTransaction, slugs: string[], excludeId?: string) {
  const notSelf = excludeId ? { not: excludeId } : undefined;
  const [live, old] = await Promise.all([
    tx.source.findMany({
      where: { slug: { in: slugs }, id: notSelf },
      select: { id: true, slug: true, name: true },
    }),
    tx.slugRedirect.findMany({
      where: { entityType: SOURCE_ENTITY, oldSlug: { in: slugs }, entityId: notSelf },
      select: { oldSlug: true, entityId: true },
    }),
  ]);
  return { live, old };
}

/**
 * The slug of `name`, made unique by -2, -3… It avoids other sources' live and old slugs; the
 * source's own old slugs are fine (taking one back simply ends its redirect).
 */
export async function uniqueSourceSlug(tx: DbTransaction, name: string, excludeId?: string): Promise<string> {
  const root = slugify(name);
  for (let start = 1; ; start += 20) {
    const candidates = Array.from({ length: 20 }, (_, i) => withSuffix(root, start + i));
    const { live, old } = await takenSlugs(tx, candidates, excludeId);
    const taken = new Set([...live.map((s) => s.slug), ...old.map((r) => r.oldSlug)]);
    const free = candidates.find((candidate) => !taken.has(candidate));
    if (free) return free;
  }
}

/** Refuses a slug an admin chose when another source uses it, now or as an old address. */
export async function assertSourceSlugAvailable(
  tx: DbTransaction,
  slug: string,
  excludeId?: string,
): Promise<void> {
  const { live, old } = await takenSlugs(tx, [slug], excludeId);
  if (live[0]) {
    const message = `The source “${live[0].name}” already has the address /sources/${slug}.`;
    throw new ActionFailure("CONFLICT", message, { slug: [message] });
  }
  if (old[0]) {
    const message = `/sources/${slug} used to belong to another source and still leads there. Choose another address.`;
    throw new ActionFailure("CONFLICT", message, { slug: [message] });
  }
}

/**
 * After a source's slug changed from `oldSlug` to `newSlug`: the old slug now redirects to it,
 * and if the new slug was one of its own old ones, that redirect is gone.
 */
export async function recordSourceSlugChange(
  tx: DbTransaction,
  sourceId: string,
  oldSlug: string,
  newSlug: string,
): Promise<void> {
  if (oldSlug === newSlug) return;
  await tx.slugRedirect.deleteMany({
    where: { entityType: SOURCE_ENTITY, oldSlug: newSlug, entityId: sourceId },
  });
  await tx.slugRedirect.upsert({
    where: { entityType_oldSlug: { entityType: SOURCE_ENTITY, oldSlug } },
    create: { entityType: SOURCE_ENTITY, oldSlug, entityId: sourceId },
    update: { entityId: sourceId },
  });
}

/** Forgets the old slugs of a source that is being deleted. */
export async function dropSourceRedirects(tx: DbTransaction, sourceId: string): Promise<void> {
  await tx.slugRedirect.deleteMany({ where: { entityType: SOURCE_ENTITY, entityId: sourceId } });
}

/**
 * Where an old source address leads: the source's id and current slug, or null. The public
 * /sources/<slug> page looks up the live slug first, calls this on a miss, then answers 308.
 */
export async function resolveSourceSlugRedirect(
  slug: string,
): Promise<{ sourceId: string; slug: string } | null> {
  const redirect = await db.slugRedirect.findUnique({
    where: { entityType_oldSlug: { entityType: SOURCE_ENTITY, oldSlug: slug.normalize("NFC") } },
    select: { entityId: true },
  });
  if (!redirect) return null;
  const current = await db.source.findUnique({
    where: { id: redirect.entityId },
    select: { id: true, slug: true },
  });
  return current ? { sourceId: current.id, slug: current.slug } : null;
}

/** The old slugs of each of `sourceIds`, oldest first. */
export async function oldSourceSlugs(sourceIds: string[]): Promise<Map<string, string[]>> {
  if (sourceIds.length === 0) return new Map();
  const rows = await db.slugRedirect.findMany({
    where: { entityType: SOURCE_ENTITY, entityId: { in: sourceIds } },
    orderBy: [{ createdAt: "asc" }, { oldSlug: "asc" }],
    select: { entityId: true, oldSlug: true },
  });
  const bySource = new Map<string, string[]>();
  for (const row of rows) bySource.set(row.entityId, [...(bySource.get(row.entityId) ?? []), row.oldSlug]);
  return bySource;
}
