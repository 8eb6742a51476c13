import "server-only";
import { publicArticleWhere } from "@/lib/articles/visibility";
import { COMMENT_QUEUES, queueOf, queueWhere, type CommentQueue } from "@/lib/comments/queues";
import { db } from "@/lib/platform/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CommentQueueFilters, ModerationLogFilters } from "@/lib/comments/moderation-schema";

export const COMMENT_PAGE_SIZE = 25;
export const LOG_PAGE_SIZE = 50;

const DAY_MS = 86_400_000;

/** A UTC day range from the filters' YYYY-MM-DD dates, both ends included. */
function dayRange(from?: string, to?: string): Prisma.DateTimeFilter {
  return {
    gte: from ? new Date(`${from}T00:00:00Z`) : undefined,
    lt: to ? new Date(new Date(`${to}T00:00:00Z`).getTime() + DAY_MS) : undefined,
  };
}

/** Everything but the queue: the counts on the tabs follow the same filters as the list. */
function filterWhere(filters: CommentQueueFilters): Prisma.CommentWhereInput {
  return {
    articleId: filters.article,
    authorEmail: filters.email ? { contains: filters.email, mode: "insensitive" } : undefined,
    createdAt: dayRange(filters.from, filters.to),
  };
}

export async function commentQueueCounts(
  filters: CommentQueueFilters,
): Promise<Record<CommentQueue, number>> {
  const base = filterWhere(filters);
  const counts = await Promise.all(
    COMMENT_QUEUES.map((queue) => db.comment.count({ where: { AND: [base, queueWhere(queue)] } })),
  );
  return Object.fromEntries(COMMENT_QUEUES.map((queue, i) => [queue, counts[i] ?? 0])) as Record<
    CommentQueue,
    number
  >;
}

const logEntrySelect = {
  id: true,
  action: true,
  fromStatus: true,
  toStatus: true,
  reasons: true,
  note: true,
  previousBody: true,
  createdAt: true,
  actor: { select: { name: true, email: true } },
} as const satisfies Prisma.CommentModerationSelect;

/**
 * One page of a queue, each comment with what a moderator needs to decide on it, and whether its
 * article is public now (the one visibility rule), so the queue links only to pages that exist.
 */
export async function listCommentQueue(filters: CommentQueueFilters, now: Date) {
  const where: Prisma.CommentWhereInput = { AND: [filterWhere(filters), queueWhere(filters.queue)] };
  const [rows, total] = await Promise.all([
    db.comment.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filters.page - 1) * COMMENT_PAGE_SIZE,
      take: COMMENT_PAGE_SIZE,
      select: {
        id: true,
        authorName: true,
        authorEmail: true,
        authorUrl: true,
        body: true,
        status: true,
        holdReasons: true,
        reportCount: true,
        createdAt: true,
        staffUser: { select: { name: true } },
        article: { select: { id: true, title: true, slug: true } },
        parent: { select: { id: true, authorName: true, body: true, status: true } },
        reports: { select: { reason: true }, orderBy: { createdAt: "desc" }, take: 20 },
      },
    }),
    db.comment.count({ where }),
  ]);
  const ids = rows.map((row) => row.id);
  const emails = [...new Set(rows.map((row) => row.authorEmail))];
  const articleIds = [...new Set(rows.map((row) => row.article.id))];
  const [history, log, publicArticles] = await Promise.all([
    db.comment.groupBy({
      by: ["authorEmail", "status"],
      where: { authorEmail: { in: emails } },
      _count: { _all: true },
    }),
    db.commentModeration.findMany({
      where: { commentId: { in: ids } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { ...logEntrySelect, commentId: true },
    }),
    db.article.findMany({
      where: { AND: [{ id: { in: articleIds } }, publicArticleWhere(now)] },
      select: { id: true },
    }),
  ]);
  const isPublic = new Set(publicArticles.map((article) => article.id));
  const countFor = (email: string, status: string) =>
    history.find((h) => h.authorEmail === email && h.status === status)?._count._all ?? 0;
  const comments = rows.map(({ staffUser, reports, article, ...row }) => ({
    ...row,
    article: { ...article, isPublic: isPublic.has(article.id) },
    queue: queueOf(row),
    staffName: staffUser?.name ?? null,
    reportReasons: reports.map((report) => report.reason),
    commenterHistory: {
      approved: countFor(row.authorEmail, "APPROVED"),
      spam: countFor(row.authorEmail, "SPAM"),
    },
    log: log.filter((entry) => entry.commentId === row.id),
  }));
  return { comments, total, pages: Math.max(1, Math.ceil(total / COMMENT_PAGE_SIZE)) };
}

export type QueueComment = Awaited<ReturnType<typeof listCommentQueue>>["comments"][number];

/** Articles that have comments, for the article filter. */
export function articlesWithComments() {
  return db.article.findMany({
    where: { comments: { some: {} } },
    orderBy: [{ title: "asc" }, { id: "asc" }],
    take: 500,
    select: { id: true, title: true },
  });
}

/** Staff who appear in the moderation log, for its actor filter. */
export function moderators() {
  return db.user.findMany({
    where: { moderations: { some: {} } },
    orderBy: [{ name: "asc" }, { email: "asc" }],
    select: { id: true, name: true, email: true },
  });
}

/** The moderation log, newest first: every decision by staff or by the submission pipeline. */
export async function listModerationLog(filters: ModerationLogFilters) {
  const where: Prisma.CommentModerationWhereInput = {
    actorId: filters.actor === "system" ? null : filters.actor,
    action: filters.action,
    commentId: filters.comment,
    createdAt: dayRange(filters.from, filters.to),
  };
  const [entries, total] = await Promise.all([
    db.commentModeration.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filters.page - 1) * LOG_PAGE_SIZE,
      take: LOG_PAGE_SIZE,
      select: {
        ...logEntrySelect,
        comment: {
          select: {
            id: true,
            authorName: true,
            status: true,
            article: { select: { id: true, title: true } },
          },
        },
      },
    }),
    db.commentModeration.count({ where }),
  ]);
  return { entries, total, pages: Math.max(1, Math.ceil(total / LOG_PAGE_SIZE)) };
}
