// Which article and archive addresses can have a page, answered from memory before routing.
//
// Next renders a notFound() thrown by a page with generateStaticParams as an empty document whose
// notice only JavaScript paints, so a reader on a slow phone, a crawler or a reader without
// scripts gets a blank 404. The proxy answers addresses that cannot have a page with the site's
// own not-found page instead, rendered in full on the server. An address this lets through may
// still be a 404 (a page past the last, a renamed slug whose target is gone): the page decides.
import { readPublic } from "@/lib/articles/visibility-change";
import { publicArticleWhere } from "@/lib/articles/visibility";
import { db } from "@/lib/platform/db";

export type AddressKind = "articles" | "tags" | "sources" | "authors";

const ADDRESS = /^\/(articles|tags|sources|authors)\/([^/]+)\/?$/;

/** The kind and slug an address names; null for other paths and malformed escapes. */
export function addressOf(pathname: string): { kind: AddressKind; slug: string } | null {
  const match = ADDRESS.exec(pathname);
  if (!match) return null;
  try {
    return { kind: match[1] as AddressKind, slug: decodeURIComponent(match[2]!) };
  } catch {
    return null;
  }
}

/** Whether `slug` may have a public page of `kind` now: current slugs and the ones they replaced. */
export async function mayHavePage(kind: AddressKind, slug: string, now: Date): Promise<boolean> {
  // Read again after any change to what is public; tag, source and person edits announce one too.
  const slugs = await readPublic(`addresses:${kind}`, now, () => LOADERS[kind](now));
  return slugs.has(slug);
}

const LOADERS: Record<AddressKind, (now: Date) => Promise<Set<string>>> = {
  articles: async (now) =>
    withOldSlugs(
      "Article",
      await db.article.findMany({ where: publicArticleWhere(now), select: { id: true, slug: true } }),
    ),
  // Tags are public whether or not they have public articles yet (lib/articles/archives.ts).
  tags: async () => withOldSlugs("Tag", await db.tag.findMany({ select: { id: true, slug: true } })),
  sources: async (now) =>
    withOldSlugs(
      "Source",
      await db.source.findMany({
        where: { articles: { some: { kind: "REPRINT", ...publicArticleWhere(now) } } },
        select: { id: true, slug: true },
      }),
    ),
  authors: async (now) =>
    withOldSlugs(
      "Person",
      await db.person.findMany({
        where: { bylines: { some: { article: publicArticleWhere(now) } } },
        select: { id: true, slug: true },
      }),
    ),
};

async function withOldSlugs(
  entityType: string,
  rows: Array<{ id: string; slug: string }>,
): Promise<Set<string>> {
  const renamed = await db.slugRedirect.findMany({
    where: { entityType, entityId: { in: rows.map((row) => row.id) } },
    select: { oldSlug: true },
  });
  return new Set([...rows.map((row) => row.slug), ...renamed.map((row) => row.oldSlug)]);
}
