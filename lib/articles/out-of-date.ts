// Whether a translation is out of date: its original has a revision newer than the one the
// translation follows, and which paragraphs of the latest revision changed since. No
// "server-only": the publish step runs in scripts (the scheduled publication) too.
import type { db, DbTransaction } from "@/lib/platform/db";
import { documentParagraphs } from "@/lib/editor/document";
import { changedParagraphs } from "@/lib/rights/fidelity/changed-paragraphs";

export interface OutOfDate {
  /** The revision the translation follows, and the latest one. */
  follows: number;
  latest: number;
  /** 1-based paragraphs of the latest revision that changed since. */
  changedParagraphs: number[];
}

/** Out of date when a newer revision exists than the one followed; null otherwise. */
export async function outOfDateStatus(
  client: DbTransaction | typeof db,
  articleId: string,
): Promise<OutOfDate | null> {
  const [article, latest] = await Promise.all([
    client.article.findUnique({ where: { id: articleId }, select: { alignedOriginalRevision: true } }),
    client.originalRevision.findFirst({
      where: { articleId },
      orderBy: { revision: "desc" },
      select: { revision: true, body: true },
    }),
  ]);
  if (!article || !latest) return null;
  const follows = article.alignedOriginalRevision ?? 0;
  if (follows >= latest.revision) return null;
  const followed = follows
    ? await client.originalRevision.findUnique({
        where: { articleId_revision: { articleId, revision: follows } },
        select: { body: true },
      })
    : null;
  return {
    follows,
    latest: latest.revision,
    changedParagraphs: changedParagraphs(documentParagraphs(followed?.body), documentParagraphs(latest.body)),
  };
}
