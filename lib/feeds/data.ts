// The feeds' reads: the newest public articles, of the whole site, a tag or a source. Every read
// goes through `publicArticleWhere`; nothing about comments is selected.
import "server-only";
import { publicArticleWhere } from "@/lib/articles/visibility";
import { db } from "@/lib/platform/db";
import { env } from "@/lib/platform/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { SLUG_PATTERN } from "@/lib/platform/slug";
import { buildRssFeed, FEED_ITEM_LIMIT, type FeedChannel } from "./rss";
import type { ArticleContentWithBody } from "@/lib/articles/public-articles";
import { siteIdentity } from "@/lib/site/identity";
import { absoluteUrl, sourceFeedPath, sourcePath, tagFeedPath, tagPath } from "@/lib/seo/urls";

export type FeedScope = { kind: "site" } | { kind: "tag"; slug: string } | { kind: "source"; slug: string };

async function resolveScope(
  scope: FeedScope,
  siteUrl: string,
): Promise<{ channel: FeedChannel; where: Prisma.ArticleWhereInput } | null> {
  const { title: siteTitle, description, language } = await siteIdentity();
  if (scope.kind === "site") {
    return {
      channel: {
        title: siteTitle,
        description,
        link: absoluteUrl(siteUrl, "/"),
        selfUrl: absoluteUrl(siteUrl, "/feed.xml"),
        language,
      },
      where: {},
    };
  }
  if (!SLUG_PATTERN.test(scope.slug) || scope.slug.length > 200) return null;
  if (scope.kind === "tag") {
    const tag = await db.tag.findUnique({ where: { slug: scope.slug }, select: { id: true, name: true } });
    if (!tag) return null;
    return {
      channel: {
        title: `${siteTitle}: ${tag.name}`,
        description: `Articles about ${tag.name} on ${siteTitle}.`,
        link: absoluteUrl(siteUrl, tagPath(scope.slug)),
        selfUrl: absoluteUrl(siteUrl, tagFeedPath(scope.slug)),
        language,
      },
      where: { tags: { some: { tagId: tag.id } } },
    };
  }
  const source = await db.source.findUnique({
    where: { slug: scope.slug },
    select: { id: true, name: true },
  });
  if (!source) return null;
  return {
    channel: {
      title: `${siteTitle}: ${source.name}`,
      description: `Articles from ${source.name}, reprinted with authorization on ${siteTitle}.`,
      link: absoluteUrl(siteUrl, sourcePath(scope.slug)),
      selfUrl: absoluteUrl(siteUrl, sourceFeedPath(scope.slug)),
      language,
    },
    where: { sourceId: source.id },
  };
}

/**
 * The newest public articles of a scope, for a feed: which ones through `publicArticleWhere`
 * (Prisma, the one visibility rule), then all of them with their source, authorization, bylines
 * and tags in one query, rather than one query per relation.
 */
export async function listFeedArticles(
  where: Prisma.ArticleWhereInput,
  now: Date,
  take = FEED_ITEM_LIMIT,
): Promise<ArticleContentWithBody[]> {
  const ids = (
    await db.article.findMany({
      where: { AND: [publicArticleWhere(now), where] },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      take,
      select: { id: true },
    })
  ).map((a) => a.id);
  if (!ids.length) return [];
  // The shape of `articleContentWithBodySelect` (lib/articles/public-articles.ts), built by PostgreSQL.
  const rows = await db.$queryRaw<ArticleContentWithBody[]>`
    SELECT a."id", a."slug", a."title", a."excerpt", a."body", a."publishedAt", a."updatedAt",
           a."kind"::text AS "kind", a."originalUrl", a."originalTitle", a."isTranslation",
           a."isModified", a."originalPublished",
           COALESCE((
             SELECT json_agg(json_build_object('language', o."language", 'title', o."title"))
             FROM (SELECT "language", "title" FROM "OriginalRevision"
                   WHERE "articleId" = a."id" ORDER BY "revision" DESC LIMIT 1) o), '[]'::json)
             AS "originalRevisions",
           CASE WHEN s."id" IS NULL THEN NULL
                ELSE json_build_object('name', s."name", 'slug', s."slug", 'kind', s."kind")
           END AS "source",
           CASE WHEN ra."id" IS NULL THEN NULL
                ELSE json_build_object('attributionRequired', ra."attributionRequired",
                                       'attributionText', ra."attributionText",
                                       'linkBackRequired', ra."linkBackRequired")
           END AS "authorization",
           COALESCE((
             SELECT json_agg(json_build_object('role', b."role",
                                               'person', json_build_object('name', p."name", 'slug', p."slug"))
                             ORDER BY b."position", b."personId", b."role")
             FROM "ArticleByline" b JOIN "Person" p ON p."id" = b."personId"
             WHERE b."articleId" = a."id"), '[]'::json) AS "bylines",
           COALESCE((
             SELECT json_agg(json_build_object('tag', json_build_object('name', t."name", 'slug', t."slug", 'kind', t."kind"))
                             ORDER BY at."position", at."tagId")
             FROM "ArticleTag" at JOIN "Tag" t ON t."id" = at."tagId"
             WHERE at."articleId" = a."id"), '[]'::json) AS "tags"
    FROM "Article" a
    LEFT JOIN "Source" s ON s."id" = a."sourceId"
    LEFT JOIN "ReprintAuthorization" ra ON ra."id" = a."authorizationId"
    WHERE a."id" IN (${Prisma.join(ids)})`;
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The RSS document of a scope, or null when its tag or source does not exist. */
export async function buildFeed(
  scope: FeedScope,
  now: Date,
  siteUrl: string = env.SITE_URL,
): Promise<string | null> {
  const resolved = await resolveScope(scope, siteUrl);
  if (!resolved) return null;
  const articles = await listFeedArticles(resolved.where, now);
  return buildRssFeed({ siteUrl, channel: resolved.channel, articles, now });
}
