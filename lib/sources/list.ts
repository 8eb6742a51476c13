import "server-only";
import { derivedStatus } from "@/lib/rights/authorizations/status";
import { now } from "@/lib/platform/clock";
import { db } from "@/lib/platform/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { sourceSelect } from "@/lib/sources/manage-sources";
import { oldSlugsOf } from "@/lib/taxonomy/shared";
import type { SourceListFilters } from "@/lib/sources/schema";

export const SOURCE_PAGE_SIZE = 50;
/** The detail page lists this many of a source's articles, newest first; the desk has the rest. */
export const SOURCE_ARTICLE_LIMIT = 100;

export interface AuthorizationCounts {
  /** GRANTED and not past validUntil (the same rule as derivedStatus in lib/rights/authorizations/status.ts). */
  granted: number;
  requested: number;
  /** GRANTED but past validUntil. */
  expired: number;
  /** Every authorization of the source, denied and revoked included. */
  total: number;
}

const EMPTY_COUNTS: AuthorizationCounts = { granted: 0, requested: 0, expired: 0, total: 0 };

/** /admin/sources: filtered by kind and text, with authorization and article counts. */
export async function listSources(filters: SourceListFilters, pageSize = SOURCE_PAGE_SIZE) {
  const q = filters.q;
  const where: Prisma.SourceWhereInput = {
    kind: filters.kind,
    OR: q
      ? [
          { name: { contains: q, mode: "insensitive" } },
          { slug: { contains: q, mode: "insensitive" } },
          { platformId: { contains: q, mode: "insensitive" } },
          { url: { contains: q, mode: "insensitive" } },
          { description: { contains: q, mode: "insensitive" } },
          { contactName: { contains: q, mode: "insensitive" } },
          { contactEmail: { contains: q, mode: "insensitive" } },
          { contactWechat: { contains: q, mode: "insensitive" } },
        ]
      : undefined,
  };
  const page = Math.max(1, filters.page);
  const [total, rows] = await Promise.all([
    db.source.count({ where }),
    db.source.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        name: true,
        slug: true,
        kind: true,
        platformId: true,
        url: true,
        _count: { select: { articles: true } },
      },
    }),
  ]);
  const ids = rows.map((row) => row.id);
  const at = now();
  const [byStatus, expired] = ids.length
    ? await Promise.all([
        db.reprintAuthorization.groupBy({
          by: ["sourceId", "status"],
          where: { sourceId: { in: ids } },
          _count: { _all: true },
        }),
        db.reprintAuthorization.groupBy({
          by: ["sourceId"],
          where: { sourceId: { in: ids }, status: "GRANTED", validUntil: { lte: at } },
          _count: { _all: true },
        }),
      ])
    : [[], []];
  const counts = new Map<string, AuthorizationCounts>();
  const countsOf = (sourceId: string) => {
    let entry = counts.get(sourceId);
    if (!entry) counts.set(sourceId, (entry = { ...EMPTY_COUNTS }));
    return entry;
  };
  for (const row of byStatus) {
    const entry = countsOf(row.sourceId);
    entry.total += row._count._all;
    if (row.status === "GRANTED") entry.granted += row._count._all;
    if (row.status === "REQUESTED") entry.requested += row._count._all;
  }
  for (const row of expired) {
    const entry = countsOf(row.sourceId);
    entry.expired += row._count._all;
    entry.granted -= row._count._all;
  }
  const sources = rows.map(({ _count, ...source }) => ({
    ...source,
    articleCount: _count.articles,
    authorizations: counts.get(source.id) ?? { ...EMPTY_COUNTS },
  }));
  return { sources, total, pages: Math.max(1, Math.ceil(total / pageSize)) };
}

/** /admin/sources/[id]: the source, its old addresses, its authorizations and its articles. */
export async function sourceForAdmin(sourceId: string) {
  const source = await db.source.findUnique({
    where: { id: sourceId },
    select: {
      ...sourceSelect,
      createdAt: true,
      updatedAt: true,
      _count: { select: { articles: true, authorizations: true } },
    },
  });
  if (!source) return null;
  const [authorizations, articles, oldSlugs] = await Promise.all([
    db.reprintAuthorization.findMany({
      where: { sourceId },
      orderBy: [{ validFrom: "desc" }, { createdAt: "desc" }, { id: "asc" }],
      select: {
        id: true,
        status: true,
        scope: true,
        scopeUrl: true,
        scopeAuthorName: true,
        validFrom: true,
        validUntil: true,
        requestedAt: true,
        decidedAt: true,
        _count: { select: { articles: true } },
      },
    }),
    db.article.findMany({
      where: { sourceId },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      take: SOURCE_ARTICLE_LIMIT,
      select: {
        id: true,
        title: true,
        status: true,
        kind: true,
        publishedAt: true,
        updatedAt: true,
        withdrawnAt: true,
        authorizationId: true,
      },
    }),
    oldSlugsOf("Source", [sourceId]),
  ]);
  const at = now();
  const { _count, ...fields } = source;
  return {
    source: fields,
    oldSlugs: oldSlugs.get(sourceId) ?? [],
    articleCount: _count.articles,
    authorizationCount: _count.authorizations,
    authorizations: authorizations.map(({ _count: used, ...authorization }) => ({
      ...authorization,
      /** EXPIRED when GRANTED and past validUntil (lib/rights/authorizations/status.ts). */
      state: derivedStatus(authorization, at),
      articleCount: used.articles,
    })),
    articles,
  };
}

export type SourceForAdmin = NonNullable<Awaited<ReturnType<typeof sourceForAdmin>>>;
