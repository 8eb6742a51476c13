// Public archives: a tag's articles, a source's reprints, a person's bylines. Every list goes
// through `publicArticleWhere`, and only public fields of tags, sources and people are read
// (never a source's contacts or notes).
import "server-only";
import { articleCardSelect, newestFirst, type ArticleCard } from "@/lib/articles/public-articles";
import { cache } from "react";
import { z } from "zod";
import { publicArticleWhere } from "@/lib/articles/visibility";
import { now } from "@/lib/platform/clock";
import { db } from "@/lib/platform/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { BylineRole } from "@/lib/generated/prisma/enums";
import { resolveSourceSlugRedirect } from "@/lib/sources/slugs";
import { resolveSlugRedirect } from "@/lib/taxonomy/shared";

export const ARCHIVE_PAGE_SIZE = 20;

/** `?page=`: anything that is not a whole number from 1 up (abc, -3, 1.5, repeated) means page 1. */
export const ArchiveSearchParamsSchema = z.object({
  page: z.coerce.number().int().min(1).catch(1),
});

export function archivePageNumber(searchParams: Record<string, string | string[] | undefined>): number {
  return ArchiveSearchParamsSchema.parse(searchParams).page;
}

/** One time for the whole request, so the metadata and the page agree and share cached reads. */
export const requestNow = cache((): Date => now());

/**
 * A slug from the URL, as the database stores it: percent-decoded when it still is encoded
 * (a malformed escape is kept as it is and simply matches nothing), then NFC. A NUL (%00), which
 * PostgreSQL cannot take, becomes U+FFFD, which no slug contains: it too simply matches nothing.
 */
export function slugFromParam(raw: string): string {
  let slug = raw;
  try {
    slug = decodeURIComponent(raw);
  } catch {
    // keep it raw
  }
  return slug.normalize("NFC").replaceAll("\u0000", "\uFFFD");
}

export type ArchiveCard = ArticleCard;

export interface ArchivePage<T = ArchiveCard> {
  articles: T[];
  total: number;
  page: number;
  pages: number;
}

/** Where an unknown slug leads: the entity, its current slug (answer 308), or nothing (404). */
export type Lookup<T> = { found: T } | { redirectTo: string } | null;

// ─── Tags ────────────────────────────────────────────────────────────────────

const tagProfileSelect = { id: true, name: true, slug: true, kind: true, description: true } as const;
export type TagProfile = Prisma.TagGetPayload<{ select: typeof tagProfileSelect }>;

/** Tags are public whether or not they have public articles yet (the API lists them all). */
export const lookupTag = cache(async (slug: string): Promise<Lookup<TagProfile>> => {
  const tag = await db.tag.findUnique({ where: { slug }, select: tagProfileSelect });
  if (tag) return { found: tag };
  const moved = await resolveSlugRedirect("Tag", slug);
  return moved ? { redirectTo: moved.slug } : null;
});

export function listTagArticles(tagId: string, page: number, now: Date) {
  return archivePage({ tags: { some: { tagId } } }, page, now);
}

// ─── Sources ─────────────────────────────────────────────────────────────────

const sourceProfileSelect = {
  id: true,
  name: true,
  slug: true,
  kind: true,
  description: true,
  url: true,
} as const satisfies Prisma.SourceSelect;
export type SourceProfile = Prisma.SourceGetPayload<{ select: typeof sourceProfileSelect }>;

const sourceArticlesWhere = (sourceId: string): Prisma.ArticleWhereInput => ({ sourceId, kind: "REPRINT" });

/**
 * A source has a public page once something of it is public: a rights holder we are only
 * negotiating with, or whose every piece was withdrawn, is nobody's business (404).
 */
export function lookupSource(slug: string, now: Date): Promise<Lookup<SourceProfile>> {
  return lookupSourceAt(slug, now.getTime());
}

// Cached per request by slug and time (a number, since React's cache compares by identity).
const lookupSourceAt = cache(async (slug: string, nowMs: number): Promise<Lookup<SourceProfile>> => {
  const at = new Date(nowMs);
  const source = await db.source.findUnique({ where: { slug }, select: sourceProfileSelect });
  if (source) return (await hasPublic(sourceArticlesWhere(source.id), at)) ? { found: source } : null;
  const moved = await resolveSourceSlugRedirect(slug);
  if (!moved) return null;
  return (await hasPublic(sourceArticlesWhere(moved.sourceId), at)) ? { redirectTo: moved.slug } : null;
});

export function listSourceArticles(sourceId: string, page: number, now: Date) {
  return archivePage(sourceArticlesWhere(sourceId), page, now);
}

// ─── People ──────────────────────────────────────────────────────────────────

const personProfileSelect = { id: true, name: true, nativeName: true, slug: true, bio: true } as const;
export type PersonProfile = Prisma.PersonGetPayload<{ select: typeof personProfileSelect }>;

const personArticlesWhere = (personId: string): Prisma.ArticleWhereInput => ({
  bylines: { some: { personId } },
});

/** Like sources: a person's page exists once one of their bylines is public. */
export function lookupPerson(slug: string, now: Date): Promise<Lookup<PersonProfile>> {
  return lookupPersonAt(slug, now.getTime());
}

const lookupPersonAt = cache(async (slug: string, nowMs: number): Promise<Lookup<PersonProfile>> => {
  const at = new Date(nowMs);
  const person = await db.person.findUnique({ where: { slug }, select: personProfileSelect });
  if (person) return (await hasPublic(personArticlesWhere(person.id), at)) ? { found: person } : null;
  const moved = await resolveSlugRedirect("Person", slug);
  if (!moved) return null;
  return (await hasPublic(personArticlesWhere(moved.entityId), at)) ? { redirectTo: moved.slug } : null;
});

export type PersonArchiveEntry = ArchiveCard & { roles: BylineRole[] };

/** A person's public articles, each with the person's role(s) on it: author, translator or both. */
export async function listPersonArticles(
  person: { id: string; slug: string },
  page: number,
  now: Date,
): Promise<ArchivePage<PersonArchiveEntry> | null> {
  const result = await archivePage(personArticlesWhere(person.id), page, now);
  if (!result) return null;
  const articles = result.articles.map((article) => {
    const roles = article.bylines.filter((b) => b.person.slug === person.slug).map((b) => b.role);
    const ordered = (["AUTHOR", "TRANSLATOR"] as const).filter((role) => roles.includes(role));
    return { ...article, roles: ordered };
  });
  return { ...result, articles };
}

// ─── Shared ──────────────────────────────────────────────────────────────────

async function hasPublic(filter: Prisma.ArticleWhereInput, now: Date): Promise<boolean> {
  const found = await db.article.findFirst({
    where: { AND: [publicArticleWhere(now), filter] },
    select: { id: true },
  });
  return found !== null;
}

/**
 * One page of the home page's list, newest first, without the featured article (the newest; it
 * has its own slot, so no article shows twice). Null when `page` is past the last page or not a
 * whole number from 1 (the caller answers 404); page 1 always exists, empty or not.
 */
export async function listPublishedArticlesPage(options: {
  now: Date;
  page: number;
  pageSize: number;
}): Promise<PublishedArticlesPage | null> {
  const { now, page, pageSize } = options;
  if (!Number.isSafeInteger(pageSize) || pageSize < 1) throw new RangeError(`Bad page size: ${pageSize}`);
  const result = await archivePage({}, page, now, { pageSize, offset: 1 });
  return (
    result && { articles: result.articles, total: result.total, page: result.page, totalPages: result.pages }
  );
}

export interface PublishedArticlesPage {
  articles: ArchiveCard[];
  total: number;
  page: number;
  totalPages: number;
}

/**
 * One page of public articles matching `filter`, newest first, after the first `offset` of them.
 * Null when `page` is past the last page (the caller answers 404); page 1 always exists, empty or not.
 */
async function archivePage(
  filter: Prisma.ArticleWhereInput,
  page: number,
  now: Date,
  { pageSize = ARCHIVE_PAGE_SIZE, offset = 0 } = {},
): Promise<ArchivePage | null> {
  const where: Prisma.ArticleWhereInput = { AND: [publicArticleWhere(now), filter] };
  const total = Math.max(0, (await db.article.count({ where })) - offset);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (!Number.isSafeInteger(page) || page < 1 || page > pages) return null;
  const articles =
    total === 0
      ? []
      : await db.article.findMany({
          where,
          orderBy: newestFirst,
          skip: offset + (page - 1) * pageSize,
          take: pageSize,
          select: articleCardSelect,
        });
  return { articles, total, page, pages };
}
