import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { publicArticleWhere } from "@/lib/articles/visibility";
import type { Prisma } from "@/lib/generated/prisma/client";

const bylineSelect = {
  orderBy: { position: "asc" },
  select: { role: true, personId: true, person: { select: { name: true, slug: true } } },
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
  // The first tag is the card's primary tag.
  tags: {
    orderBy: { position: "asc" },
    take: 1,
    select: { tag: { select: { name: true, slug: true, kind: true } } },
  },
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
  sourceId: true,
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
    select: { tagId: true, tag: { select: { name: true, slug: true, kind: true } } },
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

// ─── Home page ───────────────────────────────────────────────────────────────

const newestFirst: Prisma.ArticleOrderByWithRelationInput[] = [{ publishedAt: "desc" }, { id: "desc" }];

const featuredArticleSelect = {
  ...articleCardSelect,
  featuredImageAlt: true,
  featuredImage: { select: { storageKey: true, width: true, height: true, alt: true, variants: true } },
} as const satisfies Prisma.ArticleSelect;

export type FeaturedArticle = Prisma.ArticleGetPayload<{ select: typeof featuredArticleSelect }>;

/**
 * The home page's featured slot: the newest public article. (Article has no "featured" flag; if
 * it gets one, change this and the offset in `listPublishedArticlesPage` together.)
 */
export function featuredArticle(now: Date): Promise<FeaturedArticle | null> {
  return featuredArticleAt(now.getTime());
}

// Cached per request by time (a number: React's cache compares by identity).
const featuredArticleAt = cache((nowMs: number) =>
  db.article.findFirst({
    where: publicArticleWhere(new Date(nowMs)),
    orderBy: newestFirst,
    select: featuredArticleSelect,
  }),
);

export interface PublishedArticlesPage {
  articles: ArticleCard[];
  total: number;
  page: number;
  totalPages: number;
}

/**
 * One page of the home page's list, newest first, without the featured article (it has its own
 * slot, so no article shows twice). Null when `page` is past the last page or not a whole
 * number from 1 (the caller answers 404); page 1 always exists, empty or not.
 */
export async function listPublishedArticlesPage(options: {
  now: Date;
  page: number;
  pageSize: number;
}): Promise<PublishedArticlesPage | null> {
  const { now, page, pageSize } = options;
  if (!Number.isSafeInteger(pageSize) || pageSize < 1) throw new RangeError(`Bad page size: ${pageSize}`);
  if (!Number.isSafeInteger(page) || page < 1) return null;
  const where = publicArticleWhere(now);
  // The featured article is the newest, so the list simply starts one further down: no need to
  // wait for it before querying.
  const total = Math.max(0, (await db.article.count({ where })) - 1);
  const totalPages = Math.max(1, Math.ceil(total / pageSize));
  if (page > totalPages) return null;
  const articles =
    total === 0
      ? []
      : await db.article.findMany({
          where,
          orderBy: newestFirst,
          skip: 1 + (page - 1) * pageSize,
          take: pageSize,
          select: articleCardSelect,
        });
  return { articles, total, page, totalPages };
}
