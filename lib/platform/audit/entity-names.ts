import "server-only";
import { db } from "@/lib/platform/db";

export interface AuditObject {
  label: string;
  /** The object's staff page, where there is one. */
  href: string | null;
}

type Resolver = (ids: string[]) => Promise<Array<{ id: string; label: string }>>;

function authorizationLabel(authorization: {
  source: { name: string };
  scope: string;
  scopeUrl: string | null;
  scopeAuthorName: string | null;
}): string {
  const { source, scope, scopeUrl, scopeAuthorName } = authorization;
  if (scope === "ARTICLE") return `${source.name}: ${scopeUrl ?? "one piece"}`;
  if (scope === "AUTHOR") return `${source.name}: pieces by ${scopeAuthorName ?? "one author"}`;
  return `${source.name}: whole source`;
}

// What each kind of audited object is called on screen, read in one query per kind.
const RESOLVERS: Record<string, { resolve: Resolver; href?: (id: string) => string }> = {
  Article: {
    resolve: (ids) =>
      db.article
        .findMany({ where: { id: { in: ids } }, select: { id: true, title: true } })
        .then((rows) => rows.map((row) => ({ id: row.id, label: row.title || "Untitled" }))),
    href: (id) => `/admin/articles/${id}`,
  },
  ReprintAuthorization: {
    resolve: (ids) =>
      db.reprintAuthorization
        .findMany({
          where: { id: { in: ids } },
          select: {
            id: true,
            scope: true,
            scopeUrl: true,
            scopeAuthorName: true,
            source: { select: { name: true } },
          },
        })
        .then((rows) => rows.map((row) => ({ id: row.id, label: authorizationLabel(row) }))),
    href: (id) => `/admin/authorizations/${id}`,
  },
  Source: {
    resolve: (ids) =>
      db.source.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }).then(named),
    href: (id) => `/admin/sources/${id}`,
  },
  Tag: {
    resolve: (ids) =>
      db.tag.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }).then(named),
    href: () => "/admin/tags",
  },
  Person: {
    resolve: (ids) =>
      db.person.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }).then(named),
    href: () => "/admin/people",
  },
  User: {
    resolve: (ids) =>
      db.user
        .findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true } })
        .then((rows) => rows.map((row) => ({ id: row.id, label: `${row.name} <${row.email}>` }))),
    href: () => "/admin/users",
  },
  Media: {
    resolve: (ids) =>
      db.media
        .findMany({ where: { id: { in: ids } }, select: { id: true, fileName: true } })
        .then((rows) => rows.map((row) => ({ id: row.id, label: row.fileName }))),
    href: () => "/admin/media",
  },
  Comment: {
    resolve: (ids) =>
      db.comment
        .findMany({ where: { id: { in: ids } }, select: { id: true, authorName: true } })
        .then((rows) => rows.map((row) => ({ id: row.id, label: `Comment by ${row.authorName}` }))),
    href: () => "/admin/comments",
  },
  RightsNotice: {
    resolve: (ids) =>
      db.rightsNotice
        .findMany({ where: { id: { in: ids } }, select: { id: true, caseNumber: true } })
        .then((rows) => rows.map((row) => ({ id: row.id, label: `Takedown notice ${row.caseNumber}` }))),
    href: (id) => `/admin/rights/notices/${id}`,
  },
};

function named(rows: Array<{ id: string; name: string }>) {
  return rows.map((row) => ({ id: row.id, label: row.name }));
}

/**
 * Names for the objects of audit entries, keyed `${entityType}:${entityId}`. Objects since
 * deleted, and kinds without a name, are absent: the page shows their type and id instead.
 */
export async function auditObjectNames(
  entries: ReadonlyArray<{ entityType: string; entityId: string }>,
): Promise<Map<string, AuditObject>> {
  const idsByType = new Map<string, Set<string>>();
  for (const { entityType, entityId } of entries) {
    if (!RESOLVERS[entityType]) continue;
    const ids = idsByType.get(entityType) ?? new Set<string>();
    idsByType.set(entityType, ids.add(entityId));
  }
  const names = new Map<string, AuditObject>();
  await Promise.all(
    [...idsByType].map(async ([entityType, ids]) => {
      const resolver = RESOLVERS[entityType]!;
      for (const { id, label } of await resolver.resolve([...ids])) {
        names.set(`${entityType}:${id}`, { label, href: resolver.href?.(id) ?? null });
      }
    }),
  );
  return names;
}
