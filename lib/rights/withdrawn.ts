// Articles whose reprint rights ended: their URLs answer 451 Unavailable For Legal Reasons
// (RFC 7725) with a short public notice. Nothing is deleted.
import { PUBLIC_SHORT_CACHE } from "@/lib/platform/cache/cache-control";
import { publicRead } from "@/lib/platform/cache/public-reads";
import { db } from "@/lib/platform/db";
import { slugFromArticlePath } from "@/lib/articles/paths";
import { withdrawnArticleWhere } from "@/lib/articles/visibility";

/**
 * Whether `slug` names an article that was public and has been withdrawn: its current slug, or
 * one it had before a rename (a shared link to it is as much its URL). Answered from memory, as
 * every request to an article URL asks: the slugs of all withdrawn articles, read once and again
 * after any change to what is public (the rights sweep announces a lapse when it records it).
 */
export async function isWithdrawnSlug(slug: string, now: Date): Promise<boolean> {
  const slugs = await publicRead("withdrawn-slugs", () => withdrawnSlugs(now));
  return slugs.has(slug);
}

/** The 451 answer to a request for a withdrawn article's URL; null for any other path. */
export async function withdrawnArticleAnswer(pathname: string, now: Date): Promise<Response | null> {
  const slug = slugFromArticlePath(pathname);
  return slug !== null && (await isWithdrawnSlug(slug, now)) ? withdrawnResponse() : null;
}

async function withdrawnSlugs(now: Date): Promise<Set<string>> {
  const articles = await db.article.findMany({
    where: withdrawnArticleWhere(now),
    select: { id: true, slug: true },
  });
  const renamed = await db.slugRedirect.findMany({
    where: { entityType: "Article", entityId: { in: articles.map((article) => article.id) } },
    select: { oldSlug: true },
  });
  return new Set([...articles.map((article) => article.slug), ...renamed.map((row) => row.oldSlug)]);
}

const NOTICE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>Unavailable for legal reasons · Crosscurrent</title>
<style>body{font:1.1rem/1.6 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1.25rem;color:#1d1d1f;background:#fdfcf9}
@media (prefers-color-scheme:dark){body{color:#ecebe8;background:#161615}a{color:#f08a76}}a{color:#9b2c1f}</style></head>
<body><main><h1>This article is no longer available</h1>
<p>We reprinted it with the permission of its rights holder. That permission has ended, so we no longer publish it.</p>
<p><a href="/">Go to the front page</a></p></main></body></html>`;

function withdrawnResponse(): Response {
  return new Response(NOTICE, {
    status: 451,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": PUBLIC_SHORT_CACHE,
    },
  });
}
