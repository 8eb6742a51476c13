// Sources (the rights holders whose work we reprint): create, update and delete, each in a
// transaction with its audit entry. A source's slug is unique; when it changes, the old one keeps
// leading to the source (SlugRedirect, entityType "Source"). A source that articles or reprint
// authorizations refer to cannot be deleted.
//
// Input is checked here with the same schemas the admin actions use, so the importer, seeds and
// scripts cannot store what the form would refuse.
import type { z } from "zod";
import { ActionFailure } from "@/lib/platform/actions/result";
import type { ActionContext } from "@/lib/platform/actions/run-action";
import { recordAudit } from "@/lib/platform/audit/record";
import { invalidateTaxonomy } from "@/lib/platform/cache/article-changes";
import { db, type DbTransaction } from "@/lib/platform/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SourceKind } from "@/lib/generated/prisma/enums";
import {
  chooseSlug,
  dropRedirectsTo,
  lockTaxonomy,
  normalizeName,
  recordSlugChange,
} from "@/lib/taxonomy/shared";
import { CreateSourceSchema, DeleteSourceSchema, UpdateSourceSchema } from "@/lib/sources/schema";

export const sourceSelect = {
  id: true,
  name: true,
  slug: true,
  kind: true,
  platformId: true,
  url: true,
  description: true,
  contactName: true,
  contactEmail: true,
  contactWechat: true,
  notes: true,
} as const;
export type SourceSnapshot = Prisma.SourceGetPayload<{ select: typeof sourceSelect }>;

/** The fields of a source. Optional texts: empty or null clears them. */
export interface SourceFields {
  name: string;
  kind: SourceKind;
  /** Chosen by the admin; otherwise made from the name. */
  slug?: string;
  /** The platform's own id, e.g. a WeChat official account id. */
  platformId?: string | null;
  /** http(s) only. */
  url?: string | null;
  description?: string | null;
  contactName?: string | null;
  contactEmail?: string | null;
  contactWechat?: string | null;
  notes?: string | null;
}

export type CreateSourceInput = SourceFields;

/** Absent fields stay as they are. */
export interface UpdateSourceInput extends Partial<SourceFields> {
  sourceId: string;
  /**
   * A new slug. When absent it is made from the new name if the name changed, else kept; either
   * way a replaced slug keeps redirecting here.
   */
  slug?: string;
}

export interface UpdateSourceResult {
  source: SourceSnapshot;
  /** False when the input matched what was stored (nothing written, nothing audited). */
  changed: boolean;
  /** The address it had before, when the update changed it; that address now redirects. */
  previousSlug: string | null;
}

/** Validates with `schema`, answering INVALID with field errors as the actions do. */
function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : "";
    if (key) (fieldErrors[key] ??= []).push(issue.message);
  }
  const first = parsed.error.issues[0]?.message ?? "Some fields need attention.";
  throw new ActionFailure("INVALID", first, fieldErrors);
}

async function findSource(tx: DbTransaction, sourceId: string): Promise<SourceSnapshot> {
  const source = await tx.source.findUnique({ where: { id: sourceId }, select: sourceSelect });
  if (!source) {
    const message = "That source no longer exists. Reload the page.";
    throw new ActionFailure("NOT_FOUND", message, { sourceId: [message] });
  }
  return source;
}

/** A concurrent write won a unique slug, or linked something to a source being deleted. */
function raceFailure(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2002") {
      throw new ActionFailure(
        "CONFLICT",
        "Another change to sources happened at the same moment. Try again.",
      );
    }
    if (error.code === "P2003" || error.code === "P2014") {
      throw new ActionFailure(
        "CONFLICT",
        "Something was linked to this source at the same moment. Reload the page and try again.",
      );
    }
  }
  throw error;
}

function plural(count: number, noun: string): string {
  return `${count} ${count === 1 ? noun : `${noun}s`}`;
}

/** Articles and reprint authorizations that refer to a source. */
export async function countSourceUses(
  sourceId: string,
  tx: DbTransaction | typeof db = db,
): Promise<{ articleCount: number; authorizationCount: number }> {
  const [articleCount, authorizationCount] = await Promise.all([
    tx.article.count({ where: { sourceId } }),
    tx.reprintAuthorization.count({ where: { sourceId } }),
  ]);
  return { articleCount, authorizationCount };
}

/** Why a source that is still in use cannot be deleted, or null when it can be. */
export function sourceInUseMessage(
  name: string,
  { articleCount, authorizationCount }: { articleCount: number; authorizationCount: number },
): string | null {
  if (articleCount === 0 && authorizationCount === 0) return null;
  const uses = [
    articleCount > 0 ? plural(articleCount, "article") : null,
    authorizationCount > 0 ? plural(authorizationCount, "reprint authorization") : null,
  ].filter((use): use is string => use !== null);
  const one = uses.length === 1 && articleCount + authorizationCount === 1;
  const what = `Can’t delete “${name}”: ${uses.join(" and ")} still ${one ? "refers" : "refer"} to it.`;
  const how =
    authorizationCount > 0
      ? " Its authorizations are part of the rights record, so the source stays on file."
      : ` Give ${articleCount === 1 ? "that article" : "those articles"} another source first.`;
  return what + how;
}

/** After the commit: the source's public page and every list (cards name sources) are read again. */
function sourceChanged(sourceId: string): Promise<void> {
  return invalidateTaxonomy("source", sourceId);
}

export async function createSource(
  input: CreateSourceInput,
  { actor, ip }: ActionContext,
): Promise<SourceSnapshot> {
  const data = parse(CreateSourceSchema, input);
  const source = await db
    .$transaction(async (tx) => {
      await lockTaxonomy(tx, "Source");
      const name = normalizeName(data.name);
      const slug = await chooseSlug(tx, "Source", name, data.slug);
      const source = await tx.source.create({
        data: {
          name,
          slug,
          kind: data.kind,
          platformId: data.platformId ?? null,
          url: data.url ?? null,
          description: data.description ?? "",
          contactName: data.contactName ?? null,
          contactEmail: data.contactEmail ?? null,
          contactWechat: data.contactWechat ?? null,
          notes: data.notes ?? "",
        },
        select: sourceSelect,
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "source.create",
        entityType: "Source",
        entityId: source.id,
        after: source,
        ip,
      });
      return source;
    })
    .catch(raceFailure);
  await sourceChanged(source.id);
  return source;
}

export async function updateSource(
  input: UpdateSourceInput,
  { actor, ip }: ActionContext,
): Promise<UpdateSourceResult> {
  const data = parse(UpdateSourceSchema, input);
  const result = await db
    .$transaction(async (tx) => {
      await lockTaxonomy(tx, "Source");
      const before = await findSource(tx, data.sourceId);
      const name = data.name === undefined ? before.name : normalizeName(data.name);
      const slug = await chooseSlug(tx, "Source", name, data.slug, before);
      const next: Omit<SourceSnapshot, "id"> = {
        name,
        slug,
        kind: data.kind ?? before.kind,
        platformId: data.platformId === undefined ? before.platformId : data.platformId,
        url: data.url === undefined ? before.url : data.url,
        description: data.description ?? before.description,
        contactName: data.contactName === undefined ? before.contactName : data.contactName,
        contactEmail: data.contactEmail === undefined ? before.contactEmail : data.contactEmail,
        contactWechat: data.contactWechat === undefined ? before.contactWechat : data.contactWechat,
        notes: data.notes ?? before.notes,
      };
      const changed = (Object.keys(next) as Array<keyof typeof next>).some(
        (key) => next[key] !== before[key],
      );
      if (!changed) return { source: before, changed: false, previousSlug: null };
      const after = await tx.source.update({ where: { id: before.id }, data: next, select: sourceSelect });
      await recordSlugChange(tx, "Source", before.id, before.slug, after.slug);
      await recordAudit(tx, {
        actorId: actor.id,
        action: "source.update",
        entityType: "Source",
        entityId: before.id,
        before,
        after,
        ip,
      });
      return { source: after, changed: true, previousSlug: after.slug === before.slug ? null : before.slug };
    })
    .catch(raceFailure);
  if (result.changed) await sourceChanged(result.source.id);
  return result;
}

/** Deletes a source nothing refers to: no article and no reprint authorization. */
export async function deleteSource(
  input: { sourceId: string },
  { actor, ip }: ActionContext,
): Promise<SourceSnapshot> {
  const data = parse(DeleteSourceSchema, input);
  const source = await db
    .$transaction(async (tx) => {
      await lockTaxonomy(tx, "Source");
      const source = await findSource(tx, data.sourceId);
      const uses = await countSourceUses(source.id, tx);
      const inUse = sourceInUseMessage(source.name, uses);
      if (inUse) throw new ActionFailure("CONFLICT", inUse, undefined, uses);
      await dropRedirectsTo(tx, "Source", source.id);
      await tx.source.delete({ where: { id: source.id } });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "source.delete",
        entityType: "Source",
        entityId: source.id,
        before: source,
        ip,
      });
      return source;
    })
    .catch(raceFailure);
  await sourceChanged(source.id);
  return source;
}
