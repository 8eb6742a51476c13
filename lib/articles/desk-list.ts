import "server-only";
import { db } from "@/lib/platform/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can, type Actor } from "@/lib/platform/permissions";
import type { ArticleListFilters } from "@/lib/articles/schema";

export const ADMIN_PAGE_SIZE = 30;

const ORDER: Record<ArticleListFilters["sort"], Prisma.ArticleOrderByWithRelationInput[]> = {
  updated: [{ updatedAt: "desc" }, { id: "desc" }],
  published: [{ publishedAt: { sort: "desc", nulls: "last" } }, { id: "desc" }],
  title: [{ title: "asc" }, { id: "asc" }],
};

/** The desk's article list. Writers see their own articles; editors see every one. */
export async function listArticlesForDesk(actor: Actor, filters: ArticleListFilters) {
  const where: Prisma.ArticleWhereInput = {
    createdById: can(actor, "article.editAny") ? undefined : actor.id,
    status: filters.status,
    kind: filters.kind,
    sourceId: filters.source,
    tags: filters.tag ? { some: { tagId: filters.tag } } : undefined,
    bylines: filters.author ? { some: { personId: filters.author } } : undefined,
    OR: filters.q
      ? [
          { title: { contains: filters.q, mode: "insensitive" } },
          { excerpt: { contains: filters.q, mode: "insensitive" } },
          { slug: { contains: filters.q.toLowerCase() } },
        ]
      : undefined,
  };
  const [articles, total] = await Promise.all([
    db.article.findMany({
      where,
      orderBy: ORDER[filters.sort],
      skip: (filters.page - 1) * ADMIN_PAGE_SIZE,
      take: ADMIN_PAGE_SIZE,
      select: {
        id: true,
        title: true,
        slug: true,
        status: true,
        kind: true,
        publishedAt: true,
        updatedAt: true,
        withdrawnAt: true,
        source: { select: { name: true } },
        createdBy: { select: { name: true } },
      },
    }),
    db.article.count({ where }),
  ]);
  return { articles, total, pages: Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE)) };
}
