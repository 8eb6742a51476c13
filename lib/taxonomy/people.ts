// People on bylines (authors and translators, not logins): create, rename, merge and delete,
// each in a transaction with its audit entry, plus the "pick or create" helper the importer and
// the editor use. Two people may share a name; the slug tells them apart and old slugs redirect.
import { ActionFailure } from "@/lib/platform/actions/result";
import type { ActionContext } from "@/lib/platform/actions/run-action";
import { invalidateTaxonomy } from "@/lib/platform/cache/article-changes";
import { db, type DbTransaction } from "@/lib/platform/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { BylineRole } from "@/lib/generated/prisma/enums";
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

function optionalName(value: string | null | undefined): string | null {
  return value ? normalizeName(value) || null : null;
}

/** Articles with the person in any byline role. */
export function countPersonArticles(personId: string, tx: DbTransaction | typeof db = db): Promise<number> {
  return tx.article.count({ where: { bylines: { some: { personId } } } });
}

const PEOPLE: TaxonomyKind<PersonSnapshot> = {
  entityType: "Person",
  noun: "person",
  plural: "people",
  idField: "personId",
  find: (tx, id) => tx.person.findUnique({ where: { id }, select: personSelect }),
  countArticles: countPersonArticles,
  remove: (tx, id) => tx.person.delete({ where: { id } }),
};

async function insertPerson(
  tx: DbTransaction,
  input: CreatePersonInput,
  context: ActionContext,
): Promise<PersonSnapshot> {
  const name = normalizeName(input.name);
  const slug = await chooseSlug(tx, "Person", name, input.slug);
  const person = await tx.person.create({
    data: { name, slug, nativeName: optionalName(input.nativeName), bio: input.bio?.trim() ?? "" },
    select: personSelect,
  });
  await auditTaxonomy(tx, PEOPLE, "create", person.id, { after: person }, context);
  return person;
}

export async function createPerson(
  input: CreatePersonInput,
  context: ActionContext,
): Promise<PersonSnapshot> {
  return peopleChanged(await inTaxonomyTransaction(PEOPLE, (tx) => insertPerson(tx, input, context)));
}

/** After the commit: author pages (/authors/<slug>) and every list (bylines) are read again. */
async function peopleChanged<T extends { id: string }>(
  person: T,
  ...others: Array<{ id: string }>
): Promise<T> {
  await invalidateTaxonomy("person", person.id, ...others.map((other) => other.id));
  return person;
}

export async function renamePerson(
  input: RenamePersonInput,
  context: ActionContext,
): Promise<PersonSnapshot> {
  const renamed = await inTaxonomyTransaction(PEOPLE, async (tx) => {
    const before = await findOrFail(tx, PEOPLE, input.personId, "personId");
    const name = normalizeName(input.name);
    const slug = await chooseSlug(tx, "Person", name, input.slug, before);
    const nativeName = input.nativeName === undefined ? before.nativeName : optionalName(input.nativeName);
    const bio = input.bio?.trim() ?? before.bio;
    const unchanged =
      name === before.name && slug === before.slug && nativeName === before.nativeName && bio === before.bio;
    if (unchanged) return before;
    const after = await tx.person.update({
      where: { id: before.id },
      data: { name, slug, nativeName, bio },
      select: personSelect,
    });
    await recordRename(tx, PEOPLE, before, after, context);
    return after;
  });
  return peopleChanged(renamed);
}

/**
 * Folds the source person into the target: every byline of the source becomes the target's in
 * the same role (an article that already credits the target in that role keeps one row), the
 * source's slug and old slugs redirect to the target, and the source is deleted.
 */
export async function mergePeople(
  input: MergeInput,
  context: ActionContext,
): Promise<MergeResult<PersonSnapshot>> {
  const merged = await mergeTaxonomy(PEOPLE, input, context, async (tx, source, target) => {
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
    return { moved, duplicates: duplicates.count };
  });
  await peopleChanged(merged.target, merged.source);
  return merged;
}

/** Deletes a person on no byline; one who is must be merged instead. */
export async function deletePerson(
  input: { personId: string },
  context: ActionContext,
): Promise<PersonSnapshot> {
  return peopleChanged(await deleteUnused(PEOPLE, input.personId, context));
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
  return tx ? work(tx) : db.$transaction(work).catch(raceFailure(PEOPLE));
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
