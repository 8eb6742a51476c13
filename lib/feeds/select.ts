// What a feed item reads of an article. Deliberately no comment data of any kind.
import type { Prisma } from "@/lib/generated/prisma/client";

export const feedArticleSelect = {
  id: true,
  slug: true,
  title: true,
  excerpt: true,
  body: true,
  publishedAt: true,
  updatedAt: true,
  kind: true,
  originalUrl: true,
  originalTitle: true,
  isTranslation: true,
  isModified: true,
  source: { select: { name: true, slug: true, kind: true } },
  authorization: {
    select: { attributionRequired: true, attributionText: true, linkBackRequired: true },
  },
  bylines: {
    orderBy: { position: "asc" },
    select: { role: true, person: { select: { name: true, slug: true } } },
  },
  tags: {
    orderBy: { position: "asc" },
    select: { tag: { select: { name: true, slug: true } } },
  },
} as const satisfies Prisma.ArticleSelect;

export type FeedArticle = Prisma.ArticleGetPayload<{ select: typeof feedArticleSelect }>;
