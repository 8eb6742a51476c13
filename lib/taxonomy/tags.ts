// Tags: create, rename, merge and delete, each in a transaction with its audit entry, plus the
// "pick or create" helper the importer and the editor use. A tag is unique by (kind, name),
// compared without regard to case; its slug is unique and its old slugs keep redirecting.
import { ActionFailure } from "@/lib/platform/actions/result";
import type { ActionContext } from "@/lib/platform/actions/run-action";
import { invalidateTaxonomy } from "@/lib/platform/cache/article-changes";
import { db, type DbTransaction } from "@/lib/platform/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TagKind } from "@/lib/generated/prisma/enums";
import { TAG_KIND_LABELS } from "./kinds";
import {
  auditTaxonomy,
  deleteUnused,
  findOrFail,
  inTaxonomyTransaction,
  mergeTaxonomy,
  raceFailure,
  recordRename,
  type MergeInput,
  type MergeResult,
  type TaxonomyKind,
} from "./lifecycle";
import { chooseSlug, lockTaxonomy, normalizeName, oldSlugsOf } from "./shared";

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

export interface TagNameAndKind {
  name: string;
  kind?: TagKind;
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

/** Articles carrying the tag (one ArticleTag row per article and tag). */
export function countTagArticles(tagId: string, tx: DbTransaction | typeof db = db): Promise<number> {
  return tx.articleTag.count({ where: { tagId } });
}

const TAGS: TaxonomyKind<TagSnapshot> = {
  entityType: "Tag",
  noun: "tag",
  plural: "tags",
  idField: "tagId",
  find: (tx, id) => tx.tag.findUnique({ where: { id }, select: tagSelect }),
  countArticles: countTagArticles,
  remove: (tx, id) => tx.tag.delete({ where: { id } }),
};

async function insertTag(
  tx: DbTransaction,
  input: CreateTagInput,
  context: ActionContext,
): Promise<TagSnapshot> {
  const name = normalizeName(input.name);
  const kind = input.kind ?? "TOPIC";
  await assertNameFree(tx, kind, name);
  const slug = await chooseSlug(tx, "Tag", name, input.slug);
  const tag = await tx.tag.create({
    data: { name, kind, slug, description: input.description?.trim() ?? "" },
    select: tagSelect,
  });
  await auditTaxonomy(tx, TAGS, "create", tag.id, { after: tag }, context);
  return tag;
}

export async function createTag(input: CreateTagInput, context: ActionContext): Promise<TagSnapshot> {
  return tagsChanged(await inTaxonomyTransaction(TAGS, (tx) => insertTag(tx, input, context)));
}

/** After the commit: pages naming a tag, and every list (cards show tag names), are read again. */
async function tagsChanged<T extends { id: string }>(tag: T, ...others: Array<{ id: string }>): Promise<T> {
  await invalidateTaxonomy("tag", tag.id, ...others.map((other) => other.id));
  return tag;
}

export async function renameTag(input: RenameTagInput, context: ActionContext): Promise<TagSnapshot> {
  const renamed = await inTaxonomyTransaction(TAGS, async (tx) => {
    const before = await findOrFail(tx, TAGS, input.tagId, "tagId");
    const name = normalizeName(input.name);
    await assertNameFree(tx, before.kind, name, before.id);
    const slug = await chooseSlug(tx, "Tag", name, input.slug, before);
    const description = input.description?.trim() ?? before.description;
    if (name === before.name && slug === before.slug && description === before.description) return before;
    const after = await tx.tag.update({
      where: { id: before.id },
      data: { name, slug, description },
      select: tagSelect,
    });
    await recordRename(tx, TAGS, before, after, context);
    return after;
  });
  return tagsChanged(renamed);
}

/**
 * Folds the source tag into the target: every article of the source gets the target (an article
 * that already has both keeps one row), the source's slug and old slugs redirect to the target,
 * and the source is deleted.
 */
export async function mergeTags(
  input: MergeInput,
  context: ActionContext,
): Promise<MergeResult<TagSnapshot>> {
  const merged = await mergeTaxonomy(TAGS, input, context, async (tx, source, target) => {
    // Re-point the rows of articles that lack the target; (articleId, tagId) is the primary key,
    // so the rows of articles that already have the target are dropped instead.
    const moved = await tx.articleTag.updateMany({
      where: { tagId: source.id, article: { tags: { none: { tagId: target.id } } } },
      data: { tagId: target.id },
    });
    const alreadyTagged = await tx.articleTag.deleteMany({ where: { tagId: source.id } });
    return { moved: moved.count, alreadyTagged: alreadyTagged.count };
  });
  await tagsChanged(merged.target, merged.source);
  return merged;
}

/** Deletes a tag no article uses; a used tag must be merged instead. */
export async function deleteTag(input: { tagId: string }, context: ActionContext): Promise<TagSnapshot> {
  return tagsChanged(await deleteUnused(TAGS, input.tagId, context));
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
  return tx ? work(tx) : db.$transaction(work).catch(raceFailure(TAGS));
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
