import "server-only";
import { cache } from "react";
import { db } from "@/lib/platform/db";
import { publicArticleWhere } from "@/lib/articles/visibility";
import { cacheTag } from "@/lib/platform/cache/tags";
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
  // Cards show the featured image when there is one; the article page uses it for og:image.
  featuredImageAlt: true,
  featuredImage: { select: { storageKey: true, width: true, height: true, alt: true, variants: true } },
} as const satisfies Prisma.ArticleSelect;

export type ArticleCard = Prisma.ArticleGetPayload<{ select: typeof articleCardSelect }>;

/**
 * An article as feeds and the content API state it: its card's facts plus when it changed, its
 * attribution terms, every byline and every tag. Add `body: true` for the text.
 */
export const articleContentSelect = {
  id: true,
  slug: true,
  title: true,
  excerpt: true,
  publishedAt: true,
  updatedAt: true,
  kind: true,
  originalUrl: true,
  originalTitle: true,
  isTranslation: true,
  isModified: true,
  originalPublished: true,
  // The language and title of the kept original's latest revision, for the article's language
  // versions (lib/articles/language-versions.ts): never its text.
  originalRevisions: {
    orderBy: { revision: "desc" },
    take: 1,
    select: { language: true, title: true },
  },
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
    select: { tag: { select: { name: true, slug: true, kind: true } } },
  },
} as const satisfies Prisma.ArticleSelect;

export const articleContentWithBodySelect = {
  ...articleContentSelect,
  body: true,
} as const satisfies Prisma.ArticleSelect;

export type ArticleContent = Prisma.ArticleGetPayload<{ select: typeof articleContentSelect }>;
export type ArticleContentWithBody = Prisma.ArticleGetPayload<{
  select: typeof articleContentWithBodySelect;
}>;

export const newestFirst: Prisma.ArticleOrderByWithRelationInput[] = [
  { publishedAt: "desc" },
  { id: "desc" },
];

export async function listPublishedArticles(options: { now: Date; take: number; skip?: number }) {
  return db.article.findMany({
    where: publicArticleWhere(options.now),
    orderBy: newestFirst,
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
  originalPublishedAt: true,
  body: true,
  bodyText: true,
  originalUrl: true,
  originalTitle: true,
  isTranslation: true,
  isModified: true,
  originalPublished: true,
  // Which paragraphs of the original each run of the body renders (the side-by-side reading view).
  alignment: true,
  // The latest revision of the kept original: a language version when published beside the article.
  originalRevisions: {
    orderBy: { revision: "desc" },
    take: 1,
    select: { language: true, title: true, body: true, url: true, authorLine: true, publishedOn: true },
  },
  authorization: {
    select: {
      attributionRequired: true,
      attributionText: true,
      linkBackRequired: true,
      canonicalToOriginal: true,
    },
  },
  tags: {
    orderBy: { position: "asc" },
    select: { tagId: true, tag: { select: { name: true, slug: true, kind: true } } },
  },
} as const satisfies Prisma.ArticleSelect;

export type ArticleView = Prisma.ArticleGetPayload<{ select: typeof articleViewSelect }>;

/** The cache tags of a page showing the article: it, its comments, its source, tags and people. */
export function articleViewTags(article: ArticleView): string[] {
  return [
    cacheTag.article(article.id),
    cacheTag.comments(article.id),
    ...(article.sourceId ? [cacheTag.source(article.sourceId)] : []),
    ...article.tags.map(({ tagId }) => cacheTag.tag(tagId)),
    ...article.bylines.map(({ personId }) => cacheTag.person(personId)),
  ];
}

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

const featuredArticleSelect = articleCardSelect;

export type FeaturedArticle = Prisma.ArticleGetPayload<{ select: typeof featuredArticleSelect }>;

/**
 * The home page's featured slot: the newest public article. (Article has no "featured" flag; if
 * it gets one, change this and the offset in `listPublishedArticlesPage` (lib/articles/archives.ts) together.)
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
