// What readers see of comments. Every public read (the article's threads, the comment feeds,
// the commenter's own comment in the POST answer, which the insert returns: submission-queries.ts)
// selects through `publicCommentSelect` and leaves through `toPublicComment`: an explicit allowlist, so an email address, IP hash, user
// agent or hold reason cannot reach a page, feed or response by accident.
import "server-only";
import { cache } from "react";
import { publicArticleWhere } from "@/lib/articles/visibility";
import { now } from "@/lib/platform/clock";
import { readerVisibleWhere } from "@/lib/comments/queues";
import { articleCommentSettingsSelect, commentsClosed, effectiveRules } from "@/lib/comments/effective-rules";
import { loadCommentSettings } from "@/lib/comments/settings";
import { MAX_THREAD_DEPTH } from "@/lib/comments/policy";
import { db } from "@/lib/platform/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export interface PublicComment {
  id: string;
  parentId: string | null;
  authorName: string;
  authorUrl: string | null;
  body: string;
  /** ISO 8601, so the same shape travels to client components and JSON. */
  createdAt: string;
  isStaff: boolean;
}

export interface CommentNode extends PublicComment {
  replies: CommentNode[];
}

export type CommentOrder = "oldest" | "newest";

export const publicCommentSelect = {
  id: true,
  parentId: true,
  authorName: true,
  authorUrl: true,
  body: true,
  createdAt: true,
  staffUserId: true,
} as const satisfies Prisma.CommentSelect;

export type PublicCommentRow = Prisma.CommentGetPayload<{ select: typeof publicCommentSelect }>;

export function toPublicComment(row: PublicCommentRow): PublicComment {
  return {
    id: row.id,
    parentId: row.parentId,
    authorName: row.authorName,
    authorUrl: row.authorUrl,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
    isStaff: row.staffUserId !== null,
  };
}

/**
 * Comments readers may see: approved and not hidden by reader reports, on a public article.
 * (A reply under a hidden comment is hidden too: `buildThreads` drops it, the feeds filter it.)
 */
export function publicCommentWhere(at: Date): Prisma.CommentWhereInput {
  return { AND: [readerVisibleWhere, { article: publicArticleWhere(at) }] };
}

type Threaded<T> = T & { replies: Threaded<T>[] };

/**
 * Threads from a flat list in display order: a reply goes under its parent (its own replies in
 * the order given), up to MAX_THREAD_DEPTH levels; one whose parent is not in the list, or that
 * would sit deeper, is left out with its replies.
 */
export function buildThreads<T extends { id: string; parentId: string | null }>(items: T[]): Threaded<T>[] {
  const nodes = new Map(items.map((c) => [c.id, { ...c, replies: [] as Threaded<T>[] }]));
  const depth = new Map<string, number | null>();
  const depthOf = (id: string): number | null => {
    if (depth.has(id)) return depth.get(id)!;
    depth.set(id, null); // a cycle resolves to "not shown"
    const node = nodes.get(id);
    let level: number | null = null;
    if (node) {
      const parentLevel = node.parentId === null ? 0 : depthOf(node.parentId);
      level = parentLevel === null || parentLevel >= MAX_THREAD_DEPTH ? null : parentLevel + 1;
    }
    depth.set(id, level);
    return level;
  };

  const roots: Threaded<T>[] = [];
  for (const node of nodes.values()) {
    if (depthOf(node.id) === null) continue;
    if (node.parentId === null) roots.push(node);
    else nodes.get(node.parentId)!.replies.push(node);
  }
  return roots;
}

function flatten<T>(nodes: Threaded<T>[], into: Threaded<T>[] = []): Threaded<T>[] {
  for (const node of nodes) {
    into.push(node);
    flatten(node.replies, into);
  }
  return into;
}

/** Top-level threads per page of the article's comments; "Show more comments" loads the next. */
export const THREADS_PER_PAGE = 25;

export interface CommentPage {
  /** Every comment readers may see on the article, on all pages. */
  count: number;
  threads: CommentNode[];
  /** Pass as `after` for the next page; null on the last. */
  nextCursor: string | null;
}

/** A thread's place in the list: its first comment's time and id, as `<ms>.<id>`. */
function cursorOf(root: { id: string; createdAt: Date }): string {
  return `${root.createdAt.getTime()}.${root.id}`;
}

function parseCursor(cursor: string): { at: number; id: string } | null {
  const match = /^(\d{1,15})\.([\w-]{1,64})$/.exec(cursor);
  return match ? { at: Number(match[1]), id: match[2]! } : null;
}

/** A cursor the thread loader accepts (for validating query strings). */
export const isCommentCursor = (value: string) => parseCursor(value) !== null;

/**
 * One page of an article's public comments as threads. Top-level comments come oldest or newest
 * first; replies always read oldest first, as a conversation. The thread shape (ids only) of the
 * whole discussion is read first, so the count and the paging are exact; then the full rows of
 * just this page's threads.
 */
export const getPublicComments = cache(
  async (
    articleId: string,
    order: CommentOrder = "oldest",
    after: string | null = null,
    limit: number = THREADS_PER_PAGE,
  ): Promise<CommentPage> => {
    const where = { AND: [{ articleId }, publicCommentWhere(now())] };
    const orderBy = [{ createdAt: "asc" as const }, { id: "asc" as const }];
    const shape = buildThreads(
      await db.comment.findMany({ where, orderBy, select: { id: true, parentId: true, createdAt: true } }),
    );
    if (order === "newest") shape.reverse();

    const from = after ? parseCursor(after) : null;
    const start = from
      ? shape.findIndex((root) => {
          const at = root.createdAt.getTime();
          const later = at > from.at || (at === from.at && root.id > from.id);
          return order === "oldest" ? later : !later && root.id !== from.id;
        })
      : 0;
    const pageRoots = start < 0 ? [] : shape.slice(start, start + limit);
    const last = pageRoots.at(-1);
    const hasMore = start >= 0 && start + limit < shape.length;

    const ids = flatten(pageRoots).map((node) => node.id);
    const rows = ids.length
      ? await db.comment.findMany({ where: { id: { in: ids } }, orderBy, select: publicCommentSelect })
      : [];
    const threads = buildThreads(rows.map(toPublicComment));
    if (order === "newest") threads.reverse();
    return {
      count: flatten(shape).length,
      threads,
      nextCursor: hasMore && last ? cursorOf(last) : null,
    };
  },
);

/**
 * Whether the article takes new comments: its own mode and auto-close outrank the site
 * defaults, as in the submission pipeline (which refuses, whatever a cached page showed).
 */
export async function areCommentsOpen(articleId: string, at: Date = now()): Promise<boolean> {
  const [article, { defaults }] = await Promise.all([
    db.article.findFirst({
      where: { AND: [{ id: articleId }, publicArticleWhere(at)] },
      select: articleCommentSettingsSelect,
    }),
    loadCommentSettings(),
  ]);
  return article !== null && !commentsClosed(article, effectiveRules(article, defaults), at);
}
