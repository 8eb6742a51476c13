import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { publicArticleWhere } from "@/lib/articles/visibility";
import type { Prisma } from "@/lib/generated/prisma/client";

const bylineSelect = {
  orderBy: { position: "asc" },
  select: { role: true, person: { select: { name: true, slug: true } } },
} as const satisfies Prisma.Article$bylinesArgs;

export const articleCardSelect = {
  id: true,
  slug: true,
  title: true,
  excerpt: true,
  publishedAt: true,
  kind: true,
  source: { select: { name: true, slug: true, kind: true } },
  bylines: bylineSelect,
} as const satisfies Prisma.ArticleSelect;

export type ArticleCard = Prisma.ArticleGetPayload<{ select: typeof articleCardSelect }>;

export async function listPublishedArticles(options: { now: Date; take: number; skip?: number }) {
  return db.article.findMany({
    where: publicArticleWhere(options.now),
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: options.take,
    skip: options.skip ?? 0,
    select: articleCardSelect,
  });
}

const articleViewSelect = {
  ...articleCardSelect,
  // The source's website too: JSON-LD names it as the copyright holder and what a reprint is based on.
  source: { select: { name: true, slug: true, kind: true, url: true } },
  updatedAt: true,
  seoTitle: true,
  seoDescription: true,
  originalLanguage: true,
  body: true,
  bodyText: true,
  originalUrl: true,
  originalTitle: true,
  isTranslation: true,
  isModified: true,
  authorization: {
    select: { attributionRequired: true, attributionText: true, linkBackRequired: true },
  },
  tags: {
    orderBy: { position: "asc" },
    select: { tag: { select: { name: true, slug: true, kind: true } } },
  },
} as const satisfies Prisma.ArticleSelect;

export type ArticleView = Prisma.ArticleGetPayload<{ select: typeof articleViewSelect }>;

export const getPublishedArticle = cache(async (slug: string, now: Date) => {
  return db.article.findFirst({ where: { slug, ...publicArticleWhere(now) }, select: articleViewSelect });
});

/** Any article, whatever its status: for the staff preview only. */
export async function getArticleForPreview(id: string) {
  return db.article.findUnique({
    where: { id },
    select: { ...articleViewSelect, createdById: true, status: true },
  });
}
