// Articles whose reprint rights ended: their URLs answer 451 Unavailable For Legal Reasons
// (RFC 7725) with a short public notice inside the site's layout. Nothing is deleted.
import { NextResponse } from "next/server";
import { ANSWER_STATUS_HEADER } from "@/lib/platform/server/answer-status";
import { readPublic } from "@/lib/articles/visibility-change";
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
  const slugs = await readPublic("withdrawn-slugs", now, () => withdrawnSlugs(now));
  return slugs.has(slug);
}

/**
 * The 451 answer to a request for a withdrawn article's URL, null for any other: the notice page,
 * rendered in place (a rewrite), with the status the launcher gives it (answer-status.ts).
 */
export async function withdrawnArticleAnswer(url: URL, now: Date): Promise<Response | null> {
  const slug = slugFromArticlePath(url.pathname);
  if (slug === null || !(await isWithdrawnSlug(slug, now))) return null;
  return NextResponse.rewrite(new URL(WITHDRAWN_NOTICE_PATH, url), {
    headers: { [ANSWER_STATUS_HEADER]: "451" },
  });
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

/** Where the notice is rendered, inside the site's layout (app/(site)/notices/withdrawn). */
export const WITHDRAWN_NOTICE_PATH = "/notices/withdrawn";
