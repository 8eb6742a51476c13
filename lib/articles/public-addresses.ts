// Which article and archive addresses can have a page, answered from memory before routing.
//
// Next renders a notFound() thrown by a page with generateStaticParams as an empty document whose
// notice only JavaScript paints, so a reader on a slow phone, a crawler or a reader without
// scripts gets a blank 404. The proxy answers addresses that cannot have a page with the site's
// own not-found page instead, rendered in full on the server. An address this lets through may
// still be a 404 (a page past the last, a renamed slug whose target is gone): the page decides.
import { publicReadsOfTheirOwn, readPublic } from "@/lib/articles/visibility-change";
import { publicArticleWhere } from "@/lib/articles/visibility";
import { db } from "@/lib/platform/db";
import { articlePageOf, type ArticlePage } from "./paths";
import { findBySlugOrFormerSlug } from "./slug-redirects";

export type AddressKind = "articles" | "tags" | "sources" | "authors";

/** An address the proxy answers for: an archive, or one of an article's pages. */
export type Address = { kind: Exclude<AddressKind, "articles">; slug: string } | ArticlePageAddress;
type ArticlePageAddress = { kind: "articles"; slug: string; page: ArticlePage };

const ARCHIVE = /^\/(tags|sources|authors)\/([^/]+)\/?$/;

/** The kind and slug an address names; null for other paths and malformed escapes. */
export function addressOf(pathname: string): Address | null {
  const page = articlePageOf(pathname);
  if (page) return { kind: "articles", slug: page.slug, page };
  const match = ARCHIVE.exec(pathname);
  if (!match) return null;
  try {
    return { kind: match[1] as Address["kind"], slug: decodeURIComponent(match[2]!) } as Address;
  } catch {
    return null;
  }
}

/** Whether the address may have a public page now: current slugs and the ones they replaced. */
export async function mayHavePage(address: Address, now: Date): Promise<boolean> {
  if (address.kind === "articles" && address.page.page !== "article") {
    // An original is published beside its article under the article's current slug only.
    const languages = await readPublic("addresses:versions", now, () => publishedOriginals(now));
    const language = languages.get(address.slug);
    return address.page.page === "version" ? language === address.page.language : language !== undefined;
  }
  // One indexed look-up per address, read again after any change to what is public (tag, source
  // and person edits announce one too): after an edit, the next article page asks about its own
  // address, not about all ten thousand.
  return readAddress(`${address.kind}:${address.slug}`, now, () =>
    HAS_PUBLIC_PAGE[address.kind](address.slug, now),
  );
}

const readAddress = publicReadsOfTheirOwn("addresses", 10_000);

/**
 * The public articles whose original is published beside them: slug → the original's language.
 * (A page whose original came to be in the site's own language is the article itself; its page
 * answers 404, lib/articles/language-versions.ts.)
 */
async function publishedOriginals(now: Date): Promise<Map<string, string>> {
  const articles = await db.article.findMany({
    where: { ...publicArticleWhere(now), originalPublished: true },
    select: {
      slug: true,
      originalRevisions: { orderBy: { revision: "desc" }, take: 1, select: { language: true } },
    },
  });
  return new Map(
    articles.flatMap(({ slug, originalRevisions: [latest] }) => (latest ? [[slug, latest.language]] : [])),
  );
}

const HAS_PUBLIC_PAGE: Record<AddressKind, (slug: string, now: Date) => Promise<boolean>> = {
  articles: (slug, now) =>
    isSlugOf("Article", slug, (where) =>
      db.article.findFirst({ where: { AND: [publicArticleWhere(now), where] }, select: { id: true } }),
    ),
  // Tags are public whether or not they have public articles yet (lib/articles/archives.ts).
  tags: (slug) => isSlugOf("Tag", slug, (where) => db.tag.findFirst({ where, select: { id: true } })),
  sources: (slug, now) =>
    isSlugOf("Source", slug, (where) =>
      db.source.findFirst({
        where: { AND: [where, { articles: { some: { kind: "REPRINT", ...publicArticleWhere(now) } } }] },
        select: { id: true },
      }),
    ),
  authors: (slug, now) =>
    isSlugOf("Person", slug, (where) =>
      db.person.findFirst({
        where: { AND: [where, { bylines: { some: { article: publicArticleWhere(now) } } }] },
        select: { id: true },
      }),
    ),
};

/** Whether `slug`, or a slug it replaced, names a row `find` finds. */
async function isSlugOf(
  entityType: string,
  slug: string,
  find: (where: { slug: string } | { id: string }) => Promise<{ id: string } | null>,
): Promise<boolean> {
  return (await findBySlugOrFormerSlug(entityType, slug, find)) !== null;
}
