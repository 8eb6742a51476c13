// The write flows tags and people share: each runs in a transaction under the kind's lock, answers
// a lost race for a unique name or slug with CONFLICT, keeps old slugs redirecting and writes its
// audit entry ("tag.rename", "person.merge", …). Each kind supplies only what differs: its table
// and how its articles link to it.
import { ActionFailure } from "@/lib/platform/actions/result";
import type { ActionContext } from "@/lib/platform/actions/run-action";
import { recordAudit } from "@/lib/platform/audit/record";
import { db, type DbTransaction } from "@/lib/platform/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { dropRedirectsTo, lockTaxonomy, moveSlugsOnMerge, recordSlugChange, usedByFailure } from "./shared";

export interface TaxonomyRecord {
  id: string;
  name: string;
  slug: string;
}

/** One kind of taxonomy entity, as the shared write flows see it. */
export interface TaxonomyKind<T extends TaxonomyRecord> {
  entityType: "Tag" | "Person";
  /** "tag": in messages, and the prefix of audit actions. */
  noun: string;
  /** "tags": in the answer to a lost race. */
  plural: string;
  /** The input field naming the entity ("tagId"), for field errors. */
  idField: string;
  find(tx: DbTransaction, id: string): Promise<T | null>;
  countArticles(id: string, tx: DbTransaction): Promise<number>;
  remove(tx: DbTransaction, id: string): Promise<unknown>;
}

export interface MergeInput {
  sourceId: string;
  targetId: string;
}

export interface MergeResult<T> {
  target: T;
  source: T;
  articleCount: number;
  redirects: string[];
}

export async function findOrFail<T extends TaxonomyRecord>(
  tx: DbTransaction,
  kind: TaxonomyKind<T>,
  id: string,
  field?: string,
): Promise<T> {
  const entity = await kind.find(tx, id);
  if (!entity) {
    const message = `That ${kind.noun} no longer exists. Reload the page.`;
    throw new ActionFailure("NOT_FOUND", message, field ? { [field]: [message] } : undefined);
  }
  return entity;
}

/** Someone else's write won the race for a unique name or slug: ask to try again. */
export function raceFailure(kind: { plural: string }) {
  return (error: unknown): never => {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ActionFailure(
        "CONFLICT",
        `Another change to ${kind.plural} happened at the same moment. Try again.`,
      );
    }
    throw error;
  };
}

/** Runs `work` in a transaction holding the kind's lock. */
export function inTaxonomyTransaction<T extends TaxonomyRecord, R>(
  kind: TaxonomyKind<T>,
  work: (tx: DbTransaction) => Promise<R>,
): Promise<R> {
  return db
    .$transaction(async (tx) => {
      await lockTaxonomy(tx, kind.entityType);
      return work(tx);
    })
    .catch(raceFailure(kind));
}

/** The audit entry of `verb` ("create", "rename", …) done to an entity of `kind`. */
export function auditTaxonomy<T extends TaxonomyRecord>(
  tx: DbTransaction,
  kind: TaxonomyKind<T>,
  verb: string,
  entityId: string,
  change: { before?: unknown; after?: unknown },
  { actor, ip }: ActionContext,
): Promise<void> {
  return recordAudit(tx, {
    actorId: actor.id,
    action: `${kind.noun}.${verb}`,
    entityType: kind.entityType,
    entityId,
    ...change,
    ip,
  });
}

/** After an update from `before` to `after`: the old slug redirects, and the audit says so. */
export async function recordRename<T extends TaxonomyRecord>(
  tx: DbTransaction,
  kind: TaxonomyKind<T>,
  before: T,
  after: T,
  context: ActionContext,
): Promise<void> {
  await recordSlugChange(tx, kind.entityType, before.id, before.slug, after.slug);
  await auditTaxonomy(tx, kind, "rename", before.id, { before, after }, context);
}

/**
 * Folds the source into the target: `moveArticles` gives the source's articles to the target
 * (answering counts for the audit entry), the source's slug and old slugs redirect to the target,
 * and the source is deleted.
 */
export async function mergeTaxonomy<T extends TaxonomyRecord>(
  kind: TaxonomyKind<T>,
  input: MergeInput,
  context: ActionContext,
  moveArticles: (tx: DbTransaction, source: T, target: T) => Promise<Record<string, number>>,
): Promise<MergeResult<T>> {
  if (input.sourceId === input.targetId) {
    const message = `Pick a different ${kind.noun} to merge into.`;
    throw new ActionFailure("INVALID", message, { targetId: [message] });
  }
  return inTaxonomyTransaction(kind, async (tx) => {
    const source = await findOrFail(tx, kind, input.sourceId, "sourceId");
    const target = await findOrFail(tx, kind, input.targetId, "targetId");
    const articleCount = await kind.countArticles(source.id, tx);
    const counts = await moveArticles(tx, source, target);
    const redirects = await moveSlugsOnMerge(tx, kind.entityType, source, target);
    await kind.remove(tx, source.id);
    const after = { mergedInto: target, articleCount, ...counts, redirects };
    await auditTaxonomy(tx, kind, "merge", source.id, { before: source, after }, context);
    return { source, target, articleCount, redirects };
  });
}

/** Deletes an entity no article uses; a used one must be merged instead. */
export async function deleteUnused<T extends TaxonomyRecord>(
  kind: TaxonomyKind<T>,
  id: string,
  context: ActionContext,
): Promise<T> {
  return inTaxonomyTransaction(kind, async (tx) => {
    const entity = await findOrFail(tx, kind, id, kind.idField);
    const used = await kind.countArticles(entity.id, tx);
    if (used > 0) throw usedByFailure(used);
    await dropRedirectsTo(tx, kind.entityType, entity.id);
    await kind.remove(tx, entity.id);
    await auditTaxonomy(tx, kind, "delete", entity.id, { before: entity }, context);
    return entity;
  });
}
