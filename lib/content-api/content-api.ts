// The public content API (/api/v1): what it may read, the shape it answers with, and the parsing
// of its query strings. Every query goes through `publicArticleWhere`, and every response is
// built field by field from an explicit allowlist: nothing of a comment, a staff user, a
// source's contacts or an authorization's private terms can reach it.
import "server-only";
import type { JSONContent } from "@tiptap/core";
import { z } from "zod";
import { articleContentSelect, type ArticleContent } from "@/lib/articles/public-articles";
import { currentSlugFor } from "@/lib/articles/slug-redirects";
import { publicArticleWhere } from "@/lib/articles/visibility";
import { withdrawalOf, type Withdrawal } from "@/lib/rights/withdrawn";
import { db } from "@/lib/platform/db";
import { renderBodyHtml } from "@/lib/editor/render-html";
import { renderableBody } from "@/lib/editor/renderable-body";
import { env } from "@/lib/platform/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ArticleKind, BylineRole, SourceKind, TagKind } from "@/lib/generated/prisma/enums";
import { attributionText } from "@/lib/seo/attribution";
import { articlePath, articleVersionPath } from "@/lib/articles/paths";
import { languageVersions, publishesOriginal } from "@/lib/articles/language-versions";
import { siteIdentity } from "@/lib/site/identity";
import { absoluteUrl, tagPath } from "@/lib/seo/urls";
import { resolveSourceSlugRedirect } from "@/lib/sources/slugs";
import { resolveSlugRedirect } from "@/lib/taxonomy/shared";
import { isStorableText } from "@/lib/platform/storable-text";
import { coverageSelect } from "@/lib/rights/coverage";
import { articleNinjsRights, type NinjsRights } from "@/lib/rights/ninjs-fields";

export const API_DEFAULT_LIMIT = 20;
export const API_MAX_LIMIT = 100;

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

// ─── Response shapes (the allowlist) ─────────────────────────────────────────

export interface ApiSourceRef {
  name: string;
  slug: string;
  kind: SourceKind;
}

export interface ApiAttribution {
  source: ApiSourceRef | null;
  reprintedWithAuthorization: true;
  /** The line to show with the piece. */
  text: string;
  translated: boolean;
  modified: boolean;
  /** Present when the rights holder requires a link back to the original. */
  originalUrl?: string;
  originalTitle?: string;
}

/** One version of the piece on this site: the article itself, or its original published beside it. */
export interface ApiLanguageVersion {
  /** BCP 47. */
  language: string;
  url: string;
  title: string;
  /** True for the original the article translates. */
  isOriginal: boolean;
}

/** The kept original, published beside the article as its version in its own language. */
export interface ApiOriginal {
  language: string;
  title: string;
  /** Rendered with the same renderer as the article's `html`, media addresses absolute. */
  html: string;
  /** Its page on this site. */
  url: string;
  /** Where the source published it; null when not recorded. */
  sourceUrl: string | null;
  /** The byline as the original prints it ("" when it has none). */
  authorLine: string;
  /** YYYY-MM-DD, or null. */
  publishedOn: string | null;
  /** The revision shown: a re-import at the source's correction is the next one. */
  revision: number;
}

/** The article's rights in IPTC ninjs names (lib/rights/ninjs-fields.ts, docs/api.md). */
export interface ApiArticle extends NinjsRights {
  id: string;
  slug: string;
  url: string;
  title: string;
  excerpt: string;
  publishedAt: string;
  updatedAt: string;
  kind: ArticleKind;
  source: ApiSourceRef | null;
  bylines: Array<{ name: string; slug: string; role: BylineRole }>;
  tags: Array<{ name: string; slug: string; kind: TagKind }>;
  /** Null for our own pieces. */
  attribution: ApiAttribution | null;
  /** The article's language: the site's. */
  language: string;
  /** Its versions on this site, itself first; a single entry when it has no other. */
  languageVersions: ApiLanguageVersion[];
}

export interface ApiArticleDetail extends ApiArticle {
  /** Tiptap (ProseMirror) JSON. */
  body: unknown;
  /** The body rendered to HTML with the site's own renderer. */
  html: string;
  /** The original, when the desk publishes it beside the article; otherwise null. */
  original: ApiOriginal | null;
}

export interface ApiTag {
  name: string;
  slug: string;
  kind: TagKind;
  description: string;
  url: string;
  articleCount: number;
}

/** The public select, plus what the ninjs fields need: the authorization's term and its renewals. */
const apiArticleSelect = {
  ...articleContentSelect,
  authorization: { select: { ...articleContentSelect.authorization.select, ...coverageSelect } },
} as const satisfies Prisma.ArticleSelect;

/** The single article: its body, and its kept original's latest revision (shown only if published). */
const apiArticleWithBodySelect = {
  ...apiArticleSelect,
  body: true,
  originalRevisions: {
    orderBy: { revision: "desc" },
    take: 1,
    select: {
      revision: true,
      language: true,
      title: true,
      body: true,
      url: true,
      authorLine: true,
      publishedOn: true,
    },
  },
} as const satisfies Prisma.ArticleSelect;

type ApiArticleRow = ArticleContent & Prisma.ArticleGetPayload<{ select: typeof apiArticleSelect }>;

function toApiArticle(row: ApiArticleRow, now: Date, siteLanguage: string): ApiArticle {
  const source = row.source ? { name: row.source.name, slug: row.source.slug, kind: row.source.kind } : null;
  let attribution: ApiAttribution | null = null;
  if (row.kind === "REPRINT") {
    attribution = {
      source,
      reprintedWithAuthorization: true,
      text: attributionText(row) ?? "",
      translated: row.isTranslation,
      modified: row.isModified,
    };
    if (row.authorization?.linkBackRequired && row.originalUrl) {
      attribution.originalUrl = row.originalUrl;
      if (row.originalTitle) attribution.originalTitle = row.originalTitle;
    }
  }
  return {
    id: row.id,
    slug: row.slug,
    url: absoluteUrl(env.SITE_URL, articlePath(row.slug)),
    title: row.title,
    excerpt: row.excerpt,
    // Public articles always have a publication time (publicArticleWhere requires it).
    publishedAt: (row.publishedAt ?? row.updatedAt).toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    kind: row.kind,
    source,
    bylines: row.bylines.map((b) => ({ name: b.person.name, slug: b.person.slug, role: b.role })),
    tags: row.tags.map(({ tag }) => ({ name: tag.name, slug: tag.slug, kind: tag.kind })),
    attribution,
    language: siteLanguage,
    languageVersions: languageVersions(row, row.originalRevisions[0] ?? null, siteLanguage).map(
      (version) => ({
        language: version.language,
        url: absoluteUrl(env.SITE_URL, version.path),
        title: version.title,
        isOriginal: version.isOriginal,
      }),
    ),
    ...articleNinjsRights(row, attribution?.text ?? null, now),
  };
}

// ─── Cursors ─────────────────────────────────────────────────────────────────

export interface Cursor {
  publishedAt: Date;
  id: string;
}

const CursorPayloadSchema = z.tuple([z.iso.datetime(), z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)]);

/** Opaque to clients: base64url of the last row's publication time and id. */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.publishedAt.toISOString(), cursor.id])).toString("base64url");
}

export function decodeCursor(value: string): Cursor | null {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(value)) return null;
  try {
    const parsed = CursorPayloadSchema.safeParse(
      JSON.parse(Buffer.from(value, "base64url").toString("utf8")),
    );
    if (!parsed.success) return null;
    const publishedAt = new Date(parsed.data[0]);
    return Number.isNaN(publishedAt.getTime()) ? null : { publishedAt, id: parsed.data[1] };
  } catch {
    return null;
  }
}

// ─── Query strings ───────────────────────────────────────────────────────────

export interface ArticleListQuery {
  tag?: string;
  source?: string;
  author?: string;
  updatedSince?: Date;
  limit: number;
  cursor?: Cursor;
}

const LIST_PARAMS = ["tag", "source", "author", "updatedSince", "limit", "cursor"] as const;

const slugFilter = (param: string, listedAt: string) =>
  z
    .string()
    .trim()
    .min(1, `${param} is empty: give a slug (${listedAt}), or leave ${param} out.`)
    .max(200, `${param} is too long to be a slug.`)
    .refine(isStorableText, `${param} is not a slug: it contains a NUL character.`)
    .transform((slug) => slug.normalize("NFC"));

const LIMIT_MESSAGE = `limit must be a whole number from 1 to ${API_MAX_LIMIT} (default ${API_DEFAULT_LIMIT}).`;
const DATE_MESSAGE =
  "updatedSince must be an ISO 8601 date or date-time, e.g. 2026-05-01 or 2026-05-01T08:00:00Z (encode a + in an offset as %2B).";
const CURSOR_MESSAGE =
  "cursor is not valid: pass the nextCursor of a previous response unchanged, or leave cursor out to start from the newest article.";

const ArticleListQuerySchema = z.object({
  tag: slugFilter("tag", "see /api/v1/tags").optional(),
  source: slugFilter("source", "the source.slug of an article").optional(),
  author: slugFilter("author", "the bylines[].slug of an article").optional(),
  updatedSince: z
    .string()
    .trim()
    .pipe(z.union([z.iso.datetime({ offset: true }), z.iso.date()], { error: DATE_MESSAGE }))
    .transform((value, ctx) => {
      const date = new Date(value);
      if (Number.isNaN(date.getTime())) {
        ctx.addIssue({ code: "custom", message: DATE_MESSAGE });
        return z.NEVER;
      }
      return date;
    })
    .optional(),
  limit: z
    .string()
    .regex(/^\d{1,6}$/, LIMIT_MESSAGE)
    .transform(Number)
    .pipe(z.number().int().min(1, LIMIT_MESSAGE).max(API_MAX_LIMIT, LIMIT_MESSAGE))
    .default(API_DEFAULT_LIMIT),
  cursor: z
    .string()
    .transform((value, ctx) => {
      const cursor = decodeCursor(value);
      if (!cursor) {
        ctx.addIssue({ code: "custom", message: CURSOR_MESSAGE });
        return z.NEVER;
      }
      return cursor;
    })
    .optional(),
});

/**
 * The query of GET /api/v1/articles. Unknown or repeated parameters are refused rather than
 * ignored, so a typo (`tags=`, `since=`) cannot silently return everything.
 */
export function parseArticleListQuery(params: URLSearchParams): Result<ArticleListQuery> {
  const raw: Record<string, string> = {};
  for (const [key, value] of params) {
    if (!(LIST_PARAMS as readonly string[]).includes(key)) {
      return {
        ok: false,
        error: `Unknown query parameter "${key}". Allowed: ${LIST_PARAMS.join(", ")}.`,
      };
    }
    if (key in raw) return { ok: false, error: `Give ${key} at most once.` };
    raw[key] = value;
  }
  const parsed = ArticleListQuerySchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "Invalid query." };
  return { ok: true, value: parsed.data };
}

/** Endpoints without parameters refuse any, for the same reason. */
export function refuseParams(params: URLSearchParams): Result<null> {
  const first = params.keys().next();
  return first.done
    ? { ok: true, value: null }
    : { ok: false, error: `Unknown query parameter "${first.value}": this endpoint takes none.` };
}

// ─── Reads ───────────────────────────────────────────────────────────────────

/** A filter slug to an id, following renamed slugs; null when no such tag exists. */
async function tagIdOf(slug: string): Promise<string | null> {
  const tag = await db.tag.findUnique({ where: { slug }, select: { id: true } });
  return tag?.id ?? (await resolveSlugRedirect("Tag", slug))?.entityId ?? null;
}

// People and sources are public only through their public articles (as on /authors and
// /sources): one with nothing public is answered exactly like one that does not exist.
async function publicPersonIdOf(slug: string, now: Date): Promise<string | null> {
  const person = await db.person.findUnique({ where: { slug }, select: { id: true } });
  const id = person?.id ?? (await resolveSlugRedirect("Person", slug))?.entityId;
  return id && (await anyPublic({ bylines: { some: { personId: id } } }, now)) ? id : null;
}

async function publicSourceIdOf(slug: string, now: Date): Promise<string | null> {
  const source = await db.source.findUnique({ where: { slug }, select: { id: true } });
  const id = source?.id ?? (await resolveSourceSlugRedirect(slug))?.sourceId;
  return id && (await anyPublic({ sourceId: id }, now)) ? id : null;
}

async function anyPublic(filter: Prisma.ArticleWhereInput, now: Date): Promise<boolean> {
  const found = await db.article.findFirst({
    where: { AND: [publicArticleWhere(now), filter] },
    select: { id: true },
  });
  return found !== null;
}

export interface ArticleListPage {
  data: ApiArticle[];
  nextCursor: string | null;
}

/**
 * Public articles, newest first, by keyset on (publishedAt, id): a page never repeats or skips
 * an article however many are published while a client pages through.
 */
export async function listApiArticles(query: ArticleListQuery, now: Date): Promise<Result<ArticleListPage>> {
  const filters: Prisma.ArticleWhereInput[] = [publicArticleWhere(now)];
  if (query.tag !== undefined) {
    const tagId = await tagIdOf(query.tag);
    if (!tagId) return { ok: false, error: `No tag has the slug "${query.tag}". Tag slugs: /api/v1/tags.` };
    filters.push({ tags: { some: { tagId } } });
  }
  if (query.source !== undefined) {
    const sourceId = await publicSourceIdOf(query.source, now);
    if (!sourceId) {
      return { ok: false, error: `No source with published articles has the slug "${query.source}".` };
    }
    filters.push({ sourceId });
  }
  if (query.author !== undefined) {
    const personId = await publicPersonIdOf(query.author, now);
    if (!personId) {
      return { ok: false, error: `No author with published articles has the slug "${query.author}".` };
    }
    filters.push({ bylines: { some: { personId } } });
  }
  if (query.updatedSince) filters.push({ updatedAt: { gte: query.updatedSince } });
  if (query.cursor) {
    const { publishedAt, id } = query.cursor;
    filters.push({ OR: [{ publishedAt: { lt: publishedAt } }, { publishedAt, id: { lt: id } }] });
  }
  const [rows, { language }] = await Promise.all([
    db.article.findMany({
      where: { AND: filters },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      take: query.limit + 1,
      select: apiArticleSelect,
    }),
    siteIdentity(),
  ]);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > query.limit && last?.publishedAt
      ? encodeCursor({ publishedAt: last.publishedAt, id: last.id })
      : null;
  return { ok: true, value: { data: page.map((row) => toApiArticle(row, now, language)), nextCursor } };
}

type KeptOriginalRow = Prisma.ArticleGetPayload<{
  select: typeof apiArticleWithBodySelect;
}>["originalRevisions"][number];

/**
 * The original, only where the desk publishes it beside the (public) article: the authorization
 * in force covers it. Otherwise null, and nothing of its text is read into the answer.
 */
function apiOriginal(
  row: { slug: string; originalPublished: boolean; originalRevisions: KeptOriginalRow[] },
  siteLanguage: string,
): ApiOriginal | null {
  const original = row.originalRevisions[0] ?? null;
  if (!publishesOriginal(row, original, siteLanguage)) return null;
  return {
    language: original.language,
    title: original.title,
    html: renderBodyHtml(original.body as JSONContent, env.SITE_URL),
    url: absoluteUrl(env.SITE_URL, articleVersionPath(row.slug, original.language)),
    sourceUrl: original.url,
    authorLine: original.authorLine,
    publishedOn: original.publishedOn?.toISOString().slice(0, 10) ?? null,
    revision: original.revision,
  };
}

export type ApiArticleLookup =
  | { status: "found"; article: ApiArticleDetail }
  /** An old slug of a public article: answer 308 to its current one. */
  | { status: "moved"; slug: string }
  /** Was public, withdrawn (rights lapsed or a takedown notice): 451, saying why. */
  | { status: "withdrawn"; withdrawal: Withdrawal }
  | { status: "missing" };

export async function getApiArticle(slug: string, now: Date): Promise<ApiArticleLookup> {
  const [row, { language }] = await Promise.all([
    db.article.findFirst({
      where: { AND: [{ slug }, publicArticleWhere(now)] },
      select: apiArticleWithBodySelect,
    }),
    siteIdentity(),
  ]);
  if (row) {
    const { body, ...rest } = row;
    const document = body as JSONContent;
    return {
      status: "found",
      article: {
        ...toApiArticle(rest, now, language),
        // The JSON keeps the stored media paths; the HTML is for showing as it is, so it is absolute.
        body: renderableBody(document),
        html: renderBodyHtml(document, env.SITE_URL),
        original: apiOriginal(rest, language),
      },
    };
  }
  const withdrawal = await withdrawalOf(slug, now);
  if (withdrawal) return { status: "withdrawn", withdrawal };
  const current = await currentSlugFor(slug, now);
  if (current) return { status: "moved", slug: current };
  return { status: "missing" };
}

/** Every tag, by name, with how many public articles carry it. */
export async function listApiTags(now: Date): Promise<ApiTag[]> {
  const tags = await db.tag.findMany({
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: {
      name: true,
      slug: true,
      kind: true,
      description: true,
      _count: { select: { articles: { where: { article: publicArticleWhere(now) } } } },
    },
  });
  return tags.map((tag) => ({
    name: tag.name,
    slug: tag.slug,
    kind: tag.kind,
    description: tag.description,
    url: absoluteUrl(env.SITE_URL, tagPath(tag.slug)),
    articleCount: tag._count.articles,
  }));
}
