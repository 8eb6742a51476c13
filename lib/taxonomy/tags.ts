// Tags: create, rename, merge and delete, each in a transaction with its audit entry, plus the
// "pick or create" helper the importer and the editor use. A tag is unique by (kind, name),
// compared without regard to case; its slug is unique and its old slugs keep redirecting.
import { ActionFailure } from "@/lib/actions/result";
import type { ActionContext } from "@/lib/actions/run-action";
import { recordAudit } from "@/lib/audit";
import { db, type DbTransaction } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TagKind } from "@/lib/generated/prisma/enums";
import { TAG_KIND_LABELS } from "./kinds";
import {
  assertSlugAvailable,
  dropRedirectsTo,
  lockTaxonomy,
  moveSlugsOnMerge,
  normalizeName,
  oldSlugsOf,
  recordSlugChange,
  uniqueSlug,
  usedByFailure,
} from "./shared";

export const tagSelect = { id: true, name: true, slug: true, kind: true, description: true } as const;
export type TagSnapshot = Prisma.TagGetPayload<{ select: typeof tagSelect }>;

export interface CreateTagInput {
  name: string;
  kind?: TagKind;
  description?: string;
  /** Chosen by the editor; otherwise made from the name. */
  slug?: string;
}

export interface RenameTagInput {
  tagId: string;
  name: string;
  /** A new slug; when absent it is made from the new name, or kept if the name did not change. */
  slug?: string;
  /** Absent: unchanged. */
  description?: string;
}

export interface MergeInput {
  sourceId: string;
  targetId: string;
}

export interface TagNameAndKind {
  name: string;
  kind?: TagKind;
}

async function findTag(tx: DbTransaction, tagId: string, field?: string): Promise<TagSnapshot> {
  const tag = await tx.tag.findUnique({ where: { id: tagId }, select: tagSelect });
  if (!tag) {
    const message = "That tag no longer exists. Reload the page.";
    throw new ActionFailure("NOT_FOUND", message, field ? { [field]: [message] } : undefined);
  }
  return tag;
}

function findByKindAndName(tx: DbTransaction, kind: TagKind, name: string, excludeId?: string) {
  return tx.tag.findFirst({
    where: {
      kind,
      name: { equals: name, mode: "insensitive" },
      id: excludeId ? { not: excludeId } : undefined,
    },
    select: tagSelect,
  });
}

async function assertNameFree(tx: DbTransaction, kind: TagKind, name: string, excludeId?: string) {
  const clash = await findByKindAndName(tx, kind, name, excludeId);
  if (clash) {
    const message = `There is already a ${TAG_KIND_LABELS[kind].toLowerCase()} tag named “${clash.name}”.`;
    throw new ActionFailure("CONFLICT", message, { name: [message] });
  }
}

/** Someone else's write won the race for a unique name or slug: ask to try again. */
function raceFailure(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    throw new ActionFailure("CONFLICT", "Another change to tags happened at the same moment. Try again.");
  }
  throw error;
}

/** Articles carrying the tag (one ArticleTag row per article and tag). */
export function countTagArticles(tagId: string, tx: DbTransaction | typeof db = db): Promise<number> {
  return tx.articleTag.count({ where: { tagId } });
}

async function insertTag(
  tx: DbTransaction,
  input: CreateTagInput,
  { actor, ip }: ActionContext,
): Promise<TagSnapshot> {
  const name = normalizeName(input.name);
  const kind = input.kind ?? "TOPIC";
  await assertNameFree(tx, kind, name);
  let slug: string;
  if (input.slug) {
    slug = input.slug.normalize("NFC");
    await assertSlugAvailable(tx, "Tag", slug);
  } else {
    slug = await uniqueSlug(tx, "Tag", name);
  }
  const tag = await tx.tag.create({
    data: { name, kind, slug, description: input.description?.trim() ?? "" },
    select: tagSelect,
  });
  await recordAudit(tx, {
    actorId: actor.id,
    action: "tag.create",
    entityType: "Tag",
    entityId: tag.id,
    after: tag,
    ip,
  });
  return tag;
}

export async function createTag(input: CreateTagInput, context: ActionContext): Promise<TagSnapshot> {
  return db
    .$transaction(async (tx) => {
      await lockTaxonomy(tx, "Tag");
      return insertTag(tx, input, context);
    })
    .catch(raceFailure);
}

export async function renameTag(input: RenameTagInput, { actor, ip }: ActionContext): Promise<TagSnapshot> {
  return db
    .$transaction(async (tx) => {
      await lockTaxonomy(tx, "Tag");
      const before = await findTag(tx, input.tagId, "tagId");
      const name = normalizeName(input.name);
      await assertNameFree(tx, before.kind, name, before.id);
      let slug = before.slug;
      if (input.slug) {
        slug = input.slug.normalize("NFC");
        await assertSlugAvailable(tx, "Tag", slug, before.id);
      } else if (name !== before.name) {
        slug = await uniqueSlug(tx, "Tag", name, before.id);
      }
      const description = input.description?.trim() ?? before.description;
      if (name === before.name && slug === before.slug && description === before.description) return before;
      const after = await tx.tag.update({
        where: { id: before.id },
        data: { name, slug, description },
        select: tagSelect,
      });
      await recordSlugChange(tx, "Tag", before.id, before.slug, after.slug);
      await recordAudit(tx, {
        actorId: actor.id,
        action: "tag.rename",
        entityType: "Tag",
        entityId: before.id,
        before,
        after,
        ip,
      });
      return after;
    })
    .catch(raceFailure);
}

/**
 * Folds the source tag into the target: every article of the source gets the target (an article
 * that already has both keeps one row), the source's slug and old slugs redirect to the target,
 * and the source is deleted.
 */
export async function mergeTags(
  input: MergeInput,
  { actor, ip }: ActionContext,
): Promise<{ target: TagSnapshot; source: TagSnapshot; articleCount: number; redirects: string[] }> {
  if (input.sourceId === input.targetId) {
    const message = "Pick a different tag to merge into.";
    throw new ActionFailure("INVALID", message, { targetId: [message] });
  }
  return db
    .$transaction(async (tx) => {
      await lockTaxonomy(tx, "Tag");
      const source = await findTag(tx, input.sourceId, "sourceId");
      const target = await findTag(tx, input.targetId, "targetId");
      const articleCount = await countTagArticles(source.id, tx);
      // Re-point the rows of articles that lack the target; (articleId, tagId) is the primary key,
      // so the rows of articles that already have the target are dropped instead.
      const moved = await tx.articleTag.updateMany({
        where: { tagId: source.id, article: { tags: { none: { tagId: target.id } } } },
        data: { tagId: target.id },
      });
      const alreadyTagged = await tx.articleTag.deleteMany({ where: { tagId: source.id } });
      const redirects = await moveSlugsOnMerge(tx, "Tag", source, target);
      await tx.tag.delete({ where: { id: source.id } });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "tag.merge",
        entityType: "Tag",
        entityId: source.id,
        before: source,
        after: {
          mergedInto: target,
          articleCount,
          moved: moved.count,
          alreadyTagged: alreadyTagged.count,
          redirects,
        },
        ip,
      });
      return { source, target, articleCount, redirects };
    })
    .catch(raceFailure);
}

/** Deletes a tag no article uses; a used tag must be merged instead. */
export async function deleteTag(
  input: { tagId: string },
  { actor, ip }: ActionContext,
): Promise<TagSnapshot> {
  return db.$transaction(async (tx) => {
    await lockTaxonomy(tx, "Tag");
    const tag = await findTag(tx, input.tagId, "tagId");
    const used = await countTagArticles(tag.id, tx);
    if (used > 0) throw usedByFailure(used);
    await dropRedirectsTo(tx, "Tag", tag.id);
    await tx.tag.delete({ where: { id: tag.id } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "tag.delete",
      entityType: "Tag",
      entityId: tag.id,
      before: tag,
      ip,
    });
    return tag;
  });
}

/**
 * "Pick or create": the tag of each (name, kind) — kind TOPIC when absent — matched without
 * regard to case, created (and audited) when there is none. Answers one tag per item, in order.
 * Pass `tx` to run inside the caller's transaction.
 */
export async function findOrCreateTags(
  items: readonly TagNameAndKind[],
  context: ActionContext,
  tx?: DbTransaction,
): Promise<TagSnapshot[]> {
  const wanted = items.map((item) => ({ name: normalizeName(item.name), kind: item.kind ?? "TOPIC" }));
  if (wanted.some((item) => !item.name)) throw new ActionFailure("INVALID", "A tag needs a name.");
  if (wanted.length === 0) return [];
  const work = async (tx: DbTransaction) => {
    await lockTaxonomy(tx, "Tag");
    const found = new Map<string, TagSnapshot>();
    const key = (kind: TagKind, name: string) => `${kind}\u0000${name.toLowerCase()}`;
    const result: TagSnapshot[] = [];
    for (const item of wanted) {
      const k = key(item.kind, item.name);
      let tag = found.get(k) ?? (await findByKindAndName(tx, item.kind, item.name));
      tag ??= await insertTag(tx, item, context);
      found.set(k, tag);
      result.push(tag);
    }
    return result;
  };
  return tx ? work(tx) : db.$transaction(work).catch(raceFailure);
}

// ─── Reading, for /admin/tags ────────────────────────────────────────────────

export interface TagListFilters {
  kind?: TagKind;
  q?: string;
  page?: number;
}

export const TAG_PAGE_SIZE = 100;

export async function listTags(filters: TagListFilters, pageSize = TAG_PAGE_SIZE) {
  const q = filters.q?.trim();
  const where: Prisma.TagWhereInput = {
    kind: filters.kind,
    OR: q
      ? [
          { name: { contains: q, mode: "insensitive" } },
          { slug: { contains: q, mode: "insensitive" } },
          { description: { contains: q, mode: "insensitive" } },
        ]
      : undefined,
  };
  const page = Math.max(1, filters.page ?? 1);
  const [total, rows] = await Promise.all([
    db.tag.count({ where }),
    db.tag.findMany({
      where,
      orderBy: [{ name: "asc" }, { kind: "asc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { ...tagSelect, _count: { select: { articles: true } } },
    }),
  ]);
  const oldSlugs = await oldSlugsOf(
    "Tag",
    rows.map((row) => row.id),
  );
  const tags = rows.map(({ _count, ...tag }) => ({
    ...tag,
    articleCount: _count.articles,
    oldSlugs: oldSlugs.get(tag.id) ?? [],
  }));
  return { tags, total, pages: Math.max(1, Math.ceil(total / pageSize)) };
}

/** Every tag, for the merge target picker. */
export function tagOptions() {
  return db.tag.findMany({
    orderBy: [{ name: "asc" }, { kind: "asc" }],
    select: { id: true, name: true, kind: true, slug: true },
  });
}
