// People on bylines (authors and translators, not logins): create, rename, merge and delete,
// each in a transaction with its audit entry, plus the "pick or create" helper the importer and
// the editor use. Two people may share a name; the slug tells them apart and old slugs redirect.
import { ActionFailure } from "@/lib/actions/result";
import type { ActionContext } from "@/lib/actions/run-action";
import { recordAudit } from "@/lib/audit";
import { db, type DbTransaction } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { BylineRole } from "@/lib/generated/prisma/enums";
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

export const personSelect = { id: true, name: true, nativeName: true, slug: true, bio: true } as const;
export type PersonSnapshot = Prisma.PersonGetPayload<{ select: typeof personSelect }>;

export interface CreatePersonInput {
  name: string;
  /** The name in its original script, e.g. 刀妹. */
  nativeName?: string | null;
  bio?: string;
  /** Chosen by the editor; otherwise made from the name. */
  slug?: string;
}

export interface RenamePersonInput {
  personId: string;
  name: string;
  /** A new slug; when absent it is made from the new name, or kept if the name did not change. */
  slug?: string;
  /** Absent: unchanged; empty or null: cleared. */
  nativeName?: string | null;
  /** Absent: unchanged. */
  bio?: string;
}

export interface MergeInput {
  sourceId: string;
  targetId: string;
}

function optionalName(value: string | null | undefined): string | null {
  return value ? normalizeName(value) || null : null;
}

async function findPerson(tx: DbTransaction, personId: string, field?: string): Promise<PersonSnapshot> {
  const person = await tx.person.findUnique({ where: { id: personId }, select: personSelect });
  if (!person) {
    const message = "That person no longer exists. Reload the page.";
    throw new ActionFailure("NOT_FOUND", message, field ? { [field]: [message] } : undefined);
  }
  return person;
}

function raceFailure(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    throw new ActionFailure("CONFLICT", "Another change to people happened at the same moment. Try again.");
  }
  throw error;
}

/** Articles with the person in any byline role. */
export function countPersonArticles(personId: string, tx: DbTransaction | typeof db = db): Promise<number> {
  return tx.article.count({ where: { bylines: { some: { personId } } } });
}

async function insertPerson(
  tx: DbTransaction,
  input: CreatePersonInput,
  { actor, ip }: ActionContext,
): Promise<PersonSnapshot> {
  const name = normalizeName(input.name);
  let slug: string;
  if (input.slug) {
    slug = input.slug.normalize("NFC");
    await assertSlugAvailable(tx, "Person", slug);
  } else {
    slug = await uniqueSlug(tx, "Person", name);
  }
  const person = await tx.person.create({
    data: { name, slug, nativeName: optionalName(input.nativeName), bio: input.bio?.trim() ?? "" },
    select: personSelect,
  });
  await recordAudit(tx, {
    actorId: actor.id,
    action: "person.create",
    entityType: "Person",
    entityId: person.id,
    after: person,
    ip,
  });
  return person;
}

export async function createPerson(
  input: CreatePersonInput,
  context: ActionContext,
): Promise<PersonSnapshot> {
  return db
    .$transaction(async (tx) => {
      await lockTaxonomy(tx, "Person");
      return insertPerson(tx, input, context);
    })
    .catch(raceFailure);
}

export async function renamePerson(
  input: RenamePersonInput,
  { actor, ip }: ActionContext,
): Promise<PersonSnapshot> {
  return db
    .$transaction(async (tx) => {
      await lockTaxonomy(tx, "Person");
      const before = await findPerson(tx, input.personId, "personId");
      const name = normalizeName(input.name);
      let slug = before.slug;
      if (input.slug) {
        slug = input.slug.normalize("NFC");
        await assertSlugAvailable(tx, "Person", slug, before.id);
      } else if (name !== before.name) {
        slug = await uniqueSlug(tx, "Person", name, before.id);
      }
      const nativeName = input.nativeName === undefined ? before.nativeName : optionalName(input.nativeName);
      const bio = input.bio?.trim() ?? before.bio;
      const unchanged =
        name === before.name &&
        slug === before.slug &&
        nativeName === before.nativeName &&
        bio === before.bio;
      if (unchanged) return before;
      const after = await tx.person.update({
        where: { id: before.id },
        data: { name, slug, nativeName, bio },
        select: personSelect,
      });
      await recordSlugChange(tx, "Person", before.id, before.slug, after.slug);
      await recordAudit(tx, {
        actorId: actor.id,
        action: "person.rename",
        entityType: "Person",
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
 * Folds the source person into the target: every byline of the source becomes the target's in
 * the same role (an article that already credits the target in that role keeps one row), the
 * source's slug and old slugs redirect to the target, and the source is deleted.
 */
export async function mergePeople(
  input: MergeInput,
  { actor, ip }: ActionContext,
): Promise<{ target: PersonSnapshot; source: PersonSnapshot; articleCount: number; redirects: string[] }> {
  if (input.sourceId === input.targetId) {
    const message = "Pick a different person to merge into.";
    throw new ActionFailure("INVALID", message, { targetId: [message] });
  }
  return db
    .$transaction(async (tx) => {
      await lockTaxonomy(tx, "Person");
      const source = await findPerson(tx, input.sourceId, "sourceId");
      const target = await findPerson(tx, input.targetId, "targetId");
      const articleCount = await countPersonArticles(source.id, tx);
      // (articleId, personId, role) is the primary key: re-point, role by role, the bylines of
      // articles that do not already credit the target in that role; drop the rest.
      let moved = 0;
      for (const role of Object.values(BylineRole)) {
        const result = await tx.articleByline.updateMany({
          where: {
            personId: source.id,
            role,
            article: { bylines: { none: { personId: target.id, role } } },
          },
          data: { personId: target.id },
        });
        moved += result.count;
      }
      const duplicates = await tx.articleByline.deleteMany({ where: { personId: source.id } });
      const redirects = await moveSlugsOnMerge(tx, "Person", source, target);
      await tx.person.delete({ where: { id: source.id } });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "person.merge",
        entityType: "Person",
        entityId: source.id,
        before: source,
        after: { mergedInto: target, articleCount, moved, duplicates: duplicates.count, redirects },
        ip,
      });
      return { source, target, articleCount, redirects };
    })
    .catch(raceFailure);
}

/** Deletes a person on no byline; one who is must be merged instead. */
export async function deletePerson(
  input: { personId: string },
  { actor, ip }: ActionContext,
): Promise<PersonSnapshot> {
  return db.$transaction(async (tx) => {
    await lockTaxonomy(tx, "Person");
    const person = await findPerson(tx, input.personId, "personId");
    const used = await countPersonArticles(person.id, tx);
    if (used > 0) throw usedByFailure(used);
    await dropRedirectsTo(tx, "Person", person.id);
    await tx.person.delete({ where: { id: person.id } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "person.delete",
      entityType: "Person",
      entityId: person.id,
      before: person,
      ip,
    });
    return person;
  });
}

/**
 * "Pick or create": the person named each of `names` — matched without regard to case on the
 * name, else on the native name, the earliest created first — created (and audited) when there
 * is none. Answers one person per name, in order. Pass `tx` to run inside the caller's transaction.
 */
export async function findOrCreatePeople(
  names: readonly string[],
  context: ActionContext,
  tx?: DbTransaction,
): Promise<PersonSnapshot[]> {
  const wanted = names.map(normalizeName);
  if (wanted.some((name) => !name)) throw new ActionFailure("INVALID", "A person needs a name.");
  if (wanted.length === 0) return [];
  const work = async (tx: DbTransaction) => {
    await lockTaxonomy(tx, "Person");
    const found = new Map<string, PersonSnapshot>();
    const result: PersonSnapshot[] = [];
    for (const name of wanted) {
      const key = name.toLowerCase();
      let person =
        found.get(key) ??
        (await tx.person.findFirst({
          where: { name: { equals: name, mode: "insensitive" } },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          select: personSelect,
        })) ??
        (await tx.person.findFirst({
          where: { nativeName: { equals: name, mode: "insensitive" } },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          select: personSelect,
        }));
      person ??= await insertPerson(tx, { name }, context);
      found.set(key, person);
      result.push(person);
    }
    return result;
  };
  return tx ? work(tx) : db.$transaction(work).catch(raceFailure);
}

// ─── Reading, for /admin/people ──────────────────────────────────────────────

export interface PersonListFilters {
  q?: string;
  page?: number;
}

export const PERSON_PAGE_SIZE = 100;

export async function listPeople(filters: PersonListFilters, pageSize = PERSON_PAGE_SIZE) {
  const q = filters.q?.trim();
  const where: Prisma.PersonWhereInput = q
    ? {
        OR: [
          { name: { contains: q, mode: "insensitive" } },
          { nativeName: { contains: q, mode: "insensitive" } },
          { slug: { contains: q, mode: "insensitive" } },
        ],
      }
    : {};
  const page = Math.max(1, filters.page ?? 1);
  const [total, rows] = await Promise.all([
    db.person.count({ where }),
    db.person.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: personSelect,
    }),
  ]);
  const ids = rows.map((row) => row.id);
  // Distinct articles: someone who both wrote and translated a piece counts once.
  const [counts, oldSlugs] = await Promise.all([
    ids.length
      ? db.$queryRaw<Array<{ personId: string; articles: number }>>`
          select "personId", count(distinct "articleId")::int as articles
          from "ArticleByline" where "personId" = any(${ids}) group by "personId"`
      : Promise.resolve([]),
    oldSlugsOf("Person", ids),
  ]);
  const countOf = new Map(counts.map((row) => [row.personId, row.articles]));
  const people = rows.map((person) => ({
    ...person,
    articleCount: countOf.get(person.id) ?? 0,
    oldSlugs: oldSlugs.get(person.id) ?? [],
  }));
  return { people, total, pages: Math.max(1, Math.ceil(total / pageSize)) };
}

/** Everyone, for the merge target picker. */
export function personOptions() {
  return db.person.findMany({
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, nativeName: true, slug: true },
  });
}
