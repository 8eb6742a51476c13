// What tags, people and sources share: names, slugs that stay unique, and the old slugs that keep
// renamed and merged addresses working (SlugRedirect rows, answered with 308 by the public pages).
//
// Invariant kept by every write here: a slug is either some entity's live slug or an old slug
// in SlugRedirect, never both, and an old slug always points at an entity that exists.
import { ActionFailure } from "@/lib/platform/actions/result";
import { db, type DbTransaction } from "@/lib/platform/db";
import { slugify } from "@/lib/platform/slug";

export type TaxonomyEntityType = "Tag" | "Person" | "Source";

const MAX_SLUG_LENGTH = 80;

interface EntityTypeInfo {
  /** In messages: "the tag “…”". */
  noun: string;
  /** The advisory lock that serializes writes to this kind of entity. */
  lockKey: string;
  /** The public address of a slug, named in conflict messages; absent: "this address". */
  address?: (slug: string) => string;
}

const ENTITY_TYPES: Record<TaxonomyEntityType, EntityTypeInfo> = {
  Tag: { noun: "tag", lockKey: "crosscurrent:taxonomy:Tag" },
  Person: { noun: "person", lockKey: "crosscurrent:taxonomy:Person" },
  Source: { noun: "source", lockKey: "crosscurrent:sources", address: (slug) => `/sources/${slug}` },
};

/** A name as stored: NFC, trimmed, inner runs of white space made one space. */
export function normalizeName(name: string): string {
  return name.normalize("NFC").replace(/\s+/gu, " ").trim();
}

/**
 * Serializes writes to one kind of taxonomy entity for the rest of the transaction, so two
 * editors creating "Taiwan" at once get one tag, and slug checks cannot race.
 */
export async function lockTaxonomy(tx: DbTransaction, entityType: TaxonomyEntityType): Promise<void> {
  const key = ENTITY_TYPES[entityType].lockKey;
  await tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${key}))`;
}

async function liveSlugs(
  tx: DbTransaction,
  entityType: TaxonomyEntityType,
  slugs: string[],
  excludeId?: string,
): Promise<Array<{ id: string; slug: string; name: string }>> {
  const where = { slug: { in: slugs }, id: excludeId ? { not: excludeId } : undefined };
  const select = { id: true, slug: true, name: true } as const;
  switch (entityType) {
    case "Tag":
      return tx.tag.findMany({ where, select });
    case "Person":
      return tx.person.findMany({ where, select });
    case "Source":
      return tx.source.findMany({ where, select });
  }
}

/** Old slugs among `slugs` that lead to some entity other than `excludeId`. */
async function redirectedSlugs(
  tx: DbTransaction,
  entityType: TaxonomyEntityType,
  slugs: string[],
  excludeId?: string,
) {
  return tx.slugRedirect.findMany({
    where: { entityType, oldSlug: { in: slugs }, entityId: excludeId ? { not: excludeId } : undefined },
    select: { oldSlug: true, entityId: true },
  });
}

function withSuffix(root: string, n: number): string {
  if (n === 1) return root;
  const suffix = `-${n}`;
  const head = root.slice(0, MAX_SLUG_LENGTH - suffix.length).replace(/-+$/, "");
  return `${head || "untitled"}${suffix}`;
}

/**
 * The slug of `name`, made unique by -2, -3… It avoids other entities' live slugs and their old
 * slugs (so old addresses keep leading where they did); the entity's own old slugs are fine.
 */
export async function uniqueSlug(
  tx: DbTransaction,
  entityType: TaxonomyEntityType,
  name: string,
  excludeId?: string,
): Promise<string> {
  const root = slugify(name);
  for (let start = 1; ; start += 20) {
    const candidates = Array.from({ length: 20 }, (_, i) => withSuffix(root, start + i));
    const [live, old] = await Promise.all([
      liveSlugs(tx, entityType, candidates, excludeId),
      redirectedSlugs(tx, entityType, candidates, excludeId),
    ]);
    const taken = new Set([...live.map((e) => e.slug), ...old.map((r) => r.oldSlug)]);
    const free = candidates.find((candidate) => !taken.has(candidate));
    if (free) return free;
  }
}

/** Refuses a slug the editor chose when another entity uses it, now or as an old address. */
export async function assertSlugAvailable(
  tx: DbTransaction,
  entityType: TaxonomyEntityType,
  slug: string,
  excludeId?: string,
): Promise<void> {
  const { noun, address } = ENTITY_TYPES[entityType];
  const [live] = await liveSlugs(tx, entityType, [slug], excludeId);
  if (live) {
    const where = address ? `the address ${address(slug)}` : "this address";
    const message = `The ${noun} “${live.name}” already has ${where}.`;
    throw new ActionFailure("CONFLICT", message, { slug: [message] });
  }
  const [old] = await redirectedSlugs(tx, entityType, [slug], excludeId);
  if (old) {
    const message = address
      ? `${address(slug)} used to belong to another ${noun} and still leads there. Choose another address.`
      : `This address used to belong to another ${noun} and still leads there. Choose another.`;
    throw new ActionFailure("CONFLICT", message, { slug: [message] });
  }
}

/**
 * The slug to store for `name`: `requested` (the editor's choice) when free; else, on create, one
 * made from the name; on an update of `current`, its slug kept when the name did not change, or
 * one made from the new name (its own old slugs allowed).
 */
export async function chooseSlug(
  tx: DbTransaction,
  entityType: TaxonomyEntityType,
  name: string,
  requested: string | undefined,
  current?: { id: string; name: string; slug: string },
): Promise<string> {
  if (requested) {
    const slug = requested.normalize("NFC");
    await assertSlugAvailable(tx, entityType, slug, current?.id);
    return slug;
  }
  if (current && name === current.name) return current.slug;
  return uniqueSlug(tx, entityType, name, current?.id);
}

/**
 * After an entity's slug changed from `oldSlug` to `newSlug`: the old slug now redirects to it,
 * and if the new slug was one of its own old ones, that redirect is gone.
 */
export async function recordSlugChange(
  tx: DbTransaction,
  entityType: TaxonomyEntityType,
  entityId: string,
  oldSlug: string,
  newSlug: string,
): Promise<void> {
  if (oldSlug === newSlug) return;
  await tx.slugRedirect.deleteMany({ where: { entityType, oldSlug: newSlug, entityId } });
  await tx.slugRedirect.upsert({
    where: { entityType_oldSlug: { entityType, oldSlug } },
    create: { entityType, oldSlug, entityId },
    update: { entityId },
  });
}

/**
 * On a merge: the source's slug and every old slug of the source now lead to the target.
 * Returns the slugs that redirect to the target because of the merge.
 */
export async function moveSlugsOnMerge(
  tx: DbTransaction,
  entityType: TaxonomyEntityType,
  source: { id: string; slug: string },
  target: { id: string; slug: string },
): Promise<string[]> {
  const inherited = await tx.slugRedirect.findMany({
    where: { entityType, entityId: source.id },
    select: { oldSlug: true },
  });
  await tx.slugRedirect.updateMany({
    where: { entityType, entityId: source.id },
    data: { entityId: target.id },
  });
  await tx.slugRedirect.upsert({
    where: { entityType_oldSlug: { entityType, oldSlug: source.slug } },
    create: { entityType, oldSlug: source.slug, entityId: target.id },
    update: { entityId: target.id },
  });
  // Never a redirect from the target's own live slug to itself.
  await tx.slugRedirect.deleteMany({ where: { entityType, oldSlug: target.slug } });
  return [source.slug, ...inherited.map((r) => r.oldSlug).filter((slug) => slug !== target.slug)];
}

/** Forgets the old slugs of an entity that is being deleted. */
export async function dropRedirectsTo(tx: DbTransaction, entityType: TaxonomyEntityType, entityId: string) {
  await tx.slugRedirect.deleteMany({ where: { entityType, entityId } });
}

/**
 * Where an old address leads: the entity's id and current slug, or null when `slug` is no
 * entity's old slug. Public pages look up the live slug first and call this on a miss, then
 * answer 308 to the current slug (`/tags/<slug>`, `/authors/<slug>`, `/sources/<slug>`).
 */
export async function resolveSlugRedirect(
  entityType: TaxonomyEntityType,
  slug: string,
): Promise<{ entityId: string; slug: string } | null> {
  const redirect = await db.slugRedirect.findUnique({
    where: { entityType_oldSlug: { entityType, oldSlug: slug.normalize("NFC") } },
    select: { entityId: true },
  });
  if (!redirect) return null;
  const where = { id: redirect.entityId };
  const select = { id: true, slug: true } as const;
  const current = await (entityType === "Tag"
    ? db.tag.findUnique({ where, select })
    : entityType === "Person"
      ? db.person.findUnique({ where, select })
      : db.source.findUnique({ where, select }));
  return current ? { entityId: current.id, slug: current.slug } : null;
}

/** The old slugs of each of `entityIds`, oldest first, for the admin lists and pages. */
export async function oldSlugsOf(
  entityType: TaxonomyEntityType,
  entityIds: string[],
): Promise<Map<string, string[]>> {
  if (entityIds.length === 0) return new Map();
  const rows = await db.slugRedirect.findMany({
    where: { entityType, entityId: { in: entityIds } },
    orderBy: [{ createdAt: "asc" }, { oldSlug: "asc" }],
    select: { entityId: true, oldSlug: true },
  });
  const byEntity = new Map<string, string[]>();
  for (const row of rows) byEntity.set(row.entityId, [...(byEntity.get(row.entityId) ?? []), row.oldSlug]);
  return byEntity;
}

export function articlesPhrase(count: number): string {
  return `${count} ${count === 1 ? "article" : "articles"}`;
}

/** The refusal to delete something still in use. */
export function usedByFailure(count: number): ActionFailure {
  return new ActionFailure("CONFLICT", `Used by ${articlesPhrase(count)}: merge it instead.`, undefined, {
    articleCount: count,
  });
}
