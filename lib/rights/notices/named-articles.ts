// Which of our articles a notice names. Each URL must be on this site (SITE_URL's host, either
// scheme) and be an article's address, current or from before a rename; any other is refused
// by name, so the claimant can correct it.
import "server-only";
import { env } from "@/lib/platform/env";
import { db } from "@/lib/platform/db";
import { articlePageOf } from "@/lib/articles/paths";
import { releasedWhere } from "@/lib/articles/visibility";

export interface NamedArticle {
  articleId: string;
  url: string;
}

export type NamedArticles = { ok: true; articles: NamedArticle[] } | { ok: false; problems: string[] };

/** The article path of `url` on this site, or why it is none. */
function pathOnSite(url: string): { path: string } | { problem: string } {
  const site = new URL(env.SITE_URL);
  const target = new URL(url);
  if (target.host !== site.host) return { problem: `${url} is not on this site (${site.host}).` };
  const prefix = site.pathname.replace(/\/+$/, "");
  if (!target.pathname.startsWith(`${prefix}/`))
    return { problem: `${url} is not on this site (${site.host}).` };
  return { path: target.pathname.slice(prefix.length) };
}

export async function resolveNamedArticles(urls: string[], at: Date): Promise<NamedArticles> {
  const problems: string[] = [];
  const articles = new Map<string, NamedArticle>();
  for (const url of urls) {
    const onSite = pathOnSite(url);
    if ("problem" in onSite) {
      problems.push(onSite.problem);
      continue;
    }
    // Any of its pages names the article: its own, its original beside it, the two side by side.
    const slug = articlePageOf(onSite.path)?.slug ?? null;
    const notAnArticle = `${url} is not the address of an article on this site.`;
    if (slug === null) {
      problems.push(notAnArticle);
      continue;
    }
    const renamed = await db.slugRedirect.findUnique({
      where: { entityType_oldSlug: { entityType: "Article", oldSlug: slug } },
      select: { entityId: true },
    });
    const article = await db.article.findFirst({
      where: { AND: [renamed ? { id: renamed.entityId } : { slug }, releasedWhere(at)] },
      select: { id: true },
    });
    if (!article) {
      problems.push(notAnArticle);
      continue;
    }
    if (!articles.has(article.id)) articles.set(article.id, { articleId: article.id, url });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, articles: [...articles.values()] };
}
