import "server-only";
import { db } from "@/lib/platform/db";
import type { RevisionReason } from "@/lib/generated/prisma/enums";

/** How many revisions the history page lists at most (newest first). */
export const REVISION_LIST_LIMIT = 200;

export interface RevisionListItem {
  id: string;
  version: number;
  reason: RevisionReason;
  createdAt: Date;
  authorName: string | null;
}

export interface RevisionDetail extends RevisionListItem {
  title: string;
  excerpt: string;
  body: unknown;
}

const NEWEST_FIRST = [{ createdAt: "desc" as const }, { version: "desc" as const }, { id: "desc" as const }];

/** What the history page needs to know about the article itself, including who may edit it. */
export function articleForRevisions(id: string) {
  return db.article.findUnique({
    where: { id },
    select: { id: true, title: true, slug: true, version: true, status: true, createdById: true },
  });
}

/** The revisions of an article, newest first, with the total (the list stops at `limit`). */
export async function listRevisions(
  articleId: string,
  limit = REVISION_LIST_LIMIT,
): Promise<{ revisions: RevisionListItem[]; total: number }> {
  const [rows, total] = await Promise.all([
    db.articleRevision.findMany({
      where: { articleId },
      orderBy: NEWEST_FIRST,
      take: limit,
      select: {
        id: true,
        version: true,
        reason: true,
        createdAt: true,
        author: { select: { name: true } },
      },
    }),
    db.articleRevision.count({ where: { articleId } }),
  ]);
  return {
    revisions: rows.map(({ author, ...row }) => ({ ...row, authorName: author?.name ?? null })),
    total,
  };
}

/**
 * Two revisions of one article, for comparison. Each is null when the id is not a revision of
 * this article (so an id from another article's history never leaks its content).
 */
export async function getRevisionsForComparison(
  articleId: string,
  aId: string,
  bId: string,
): Promise<{ a: RevisionDetail | null; b: RevisionDetail | null }> {
  const rows = await db.articleRevision.findMany({
    where: { articleId, id: { in: [aId, bId] } },
    select: {
      id: true,
      version: true,
      reason: true,
      createdAt: true,
      title: true,
      excerpt: true,
      body: true,
      author: { select: { name: true } },
    },
  });
  const detail = (id: string): RevisionDetail | null => {
    const row = rows.find((r) => r.id === id);
    if (!row) return null;
    const { author, ...rest } = row;
    return { ...rest, authorName: author?.name ?? null };
  };
  return { a: detail(aId), b: detail(bId) };
}
