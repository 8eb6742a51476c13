import "server-only";
// Reading reprint authorizations for /admin/authorizations, its detail page and its CSV export.
// The status filter speaks derived statuses: GRANTED means granted and not expired at `at`,
// EXPIRED means granted with a term that has ended.
import { derivedStatus, type DerivedStatus } from "@/lib/rights/authorizations/status";
import { renewalTerms, TERM_KEYS, type TermKey, type Terms } from "@/lib/rights/authorizations/terms";
import { db } from "@/lib/platform/db";
import { coverageSelect } from "@/lib/rights/coverage";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuthorizationFilters } from "@/lib/rights/authorizations/schema";

export const AUTHORIZATION_PAGE_SIZE = 50;

function statusWhere(status: DerivedStatus, at: Date): Prisma.ReprintAuthorizationWhereInput {
  switch (status) {
    case "GRANTED":
      return { status: "GRANTED", OR: [{ validUntil: null }, { validUntil: { gt: at } }] };
    case "EXPIRED":
      return { status: "GRANTED", validUntil: { lte: at } };
    default:
      return { status };
  }
}

export function authorizationWhere(
  filters: Partial<Omit<AuthorizationFilters, "page">>,
  at: Date,
): Prisma.ReprintAuthorizationWhereInput {
  const and: Prisma.ReprintAuthorizationWhereInput[] = [];
  if (filters.status) and.push(statusWhere(filters.status, at));
  if (filters.source) and.push({ sourceId: filters.source });
  if (filters.endingBefore) and.push({ validUntil: { lt: new Date(`${filters.endingBefore}T00:00:00Z`) } });
  if (filters.withoutEvidence) and.push({ evidence: { none: {} } });
  if (filters.lapsedWithArticles) {
    and.push({ OR: [statusWhere("REVOKED", at), statusWhere("EXPIRED", at)], articles: { some: {} } });
  }
  return { AND: and };
}

const ORDER: Prisma.ReprintAuthorizationOrderByWithRelationInput[] = [
  { requestedAt: "desc" },
  { id: "desc" },
];

export async function listAuthorizations(filters: AuthorizationFilters, at: Date) {
  const where = authorizationWhere(filters, at);
  const [rows, total] = await Promise.all([
    db.reprintAuthorization.findMany({
      where,
      orderBy: ORDER,
      skip: (filters.page - 1) * AUTHORIZATION_PAGE_SIZE,
      take: AUTHORIZATION_PAGE_SIZE,
      select: {
        id: true,
        scope: true,
        scopeUrl: true,
        scopeAuthorName: true,
        status: true,
        validFrom: true,
        validUntil: true,
        requestedAt: true,
        renewsId: true,
        source: { select: { id: true, name: true } },
        _count: { select: { evidence: true, articles: true } },
      },
    }),
    db.reprintAuthorization.count({ where }),
  ]);
  const authorizations = rows.map(({ _count, ...row }) => ({
    ...row,
    derived: derivedStatus(row, at),
    evidenceCount: _count.evidence,
    articleCount: _count.articles,
  }));
  return { authorizations, total, pages: Math.max(1, Math.ceil(total / AUTHORIZATION_PAGE_SIZE)) };
}

export function sourceOptions() {
  return db.source.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true } });
}

const person = { select: { id: true, name: true, email: true } } as const;

export async function authorizationDetail(id: string, at: Date) {
  const row = await db.reprintAuthorization.findUnique({
    where: { id },
    include: {
      source: { select: { id: true, name: true, url: true, kind: true } },
      requestedBy: person,
      decidedBy: person,
      revokedBy: person,
      renews: { select: { id: true, status: true, validFrom: true, validUntil: true } },
      renewedBy: {
        orderBy: { requestedAt: "asc" },
        select: { id: true, status: true, validFrom: true, validUntil: true, requestedAt: true },
      },
      evidence: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        include: { createdBy: person },
      },
      events: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        include: { actor: person },
      },
      articles: {
        orderBy: [{ publishedAt: { sort: "desc", nulls: "last" } }, { id: "asc" }],
        select: {
          id: true,
          title: true,
          slug: true,
          status: true,
          publishedAt: true,
          withdrawnAt: true,
        },
      },
    },
  });
  if (!row) return null;
  return {
    ...row,
    derived: derivedStatus(row, at),
    renews: row.renews ? { ...row.renews, derived: derivedStatus(row.renews, at) } : null,
    renewedBy: row.renewedBy.map((r) => ({ ...r, derived: derivedStatus(r, at) })),
  };
}

export type AuthorizationDetail = NonNullable<Awaited<ReturnType<typeof authorizationDetail>>>;

/** What /admin/authorizations/new?renews=<id> starts from, or null when there is no such record. */
export async function renewalDraft(
  renewsId: string,
  at: Date,
): Promise<{ renewsId: string; sourceId: string; terms: Terms; derived: DerivedStatus } | null> {
  const renewed = await db.reprintAuthorization.findUnique({ where: { id: renewsId } });
  if (!renewed) return null;
  return {
    renewsId: renewed.id,
    sourceId: renewed.sourceId,
    terms: renewalTerms(renewed, at),
    derived: derivedStatus(renewed, at),
  };
}

/** The evidence file a download asks for. */
export function evidenceFile(evidenceId: string) {
  return db.authorizationEvidence.findUnique({
    where: { id: evidenceId },
    select: { id: true, storageKey: true, fileName: true, contentType: true, sha256: true },
  });
}

const termsSelect = Object.fromEntries(TERM_KEYS.map((key) => [key, true])) as Record<TermKey, true>;

/** What an authorization's ODRL policy states: its terms, its status and its source. */
export function authorizationForPolicy(id: string) {
  return db.reprintAuthorization.findUnique({
    where: { id },
    select: { id: true, status: true, source: { select: { name: true, slug: true } }, ...termsSelect },
  });
}

// ─── For the CSV export ──────────────────────────────────────────────────────

export function authorizationsForExport(filters: Omit<AuthorizationFilters, "page">, at: Date) {
  return db.reprintAuthorization.findMany({
    where: authorizationWhere(filters, at),
    orderBy: ORDER,
    include: {
      source: { select: { name: true } },
      requestedBy: { select: { email: true } },
      decidedBy: { select: { email: true } },
      revokedBy: { select: { email: true } },
      _count: { select: { evidence: true, articles: true } },
      renewedBy: coverageSelect.renewedBy,
    },
  });
}

export function coveredArticlesForExport(filters: Omit<AuthorizationFilters, "page">, at: Date) {
  return db.article.findMany({
    where: { authorization: authorizationWhere(filters, at) },
    orderBy: [{ authorizationId: "asc" }, { publishedAt: { sort: "desc", nulls: "last" } }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      slug: true,
      status: true,
      publishedAt: true,
      withdrawnAt: true,
      originalUrl: true,
      source: { select: { name: true } },
      authorization: {
        select: {
          id: true,
          status: true,
          scope: true,
          validFrom: true,
          validUntil: true,
          onTermination: true,
          source: { select: { name: true } },
        },
      },
    },
  });
}
