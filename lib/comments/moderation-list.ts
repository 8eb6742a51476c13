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

/** Open reports listed on a comment; the count says how many there are in all. */
const REPORTS_SHOWN = 20;

// Who reported is for moderators only: hashes stay here, never reach a page.
const reportSelect = {
  id: true,
  reason: true,
  trusted: true,
  knownReader: true,
  createdAt: true,
  reporterKey: true,
  reporterEmailHash: true,
  reporterUser: { select: { name: true } },
} as const satisfies Prisma.CommentReportSelect;

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
        reportHiddenAt: true,
        createdAt: true,
        staffUser: { select: { name: true } },
        article: { select: { id: true, title: true, slug: true } },
        parent: { select: { id: true, authorName: true, body: true, status: true } },
        reports: {
          where: { outcome: null },
          select: reportSelect,
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: REPORTS_SHOWN,
        },
      },
    }),
    db.comment.count({ where }),
  ]);
  const ids = rows.map((row) => row.id);
  const emails = [...new Set(rows.map((row) => row.authorEmail))];
  const reporterKeys = [...new Set(rows.flatMap((row) => row.reports.map((r) => r.reporterKey)))];
  const articleIds = [...new Set(rows.map((row) => row.article.id))];
  const [history, log, reporterHistory, publicArticles] = await Promise.all([
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
    reporterKeys.length === 0
      ? Promise.resolve([])
      : db.commentReport.groupBy({
          by: ["reporterKey", "outcome"],
          where: { reporterKey: { in: reporterKeys } },
          _count: { _all: true },
        }),
    db.article.findMany({
      where: { AND: [{ id: { in: articleIds } }, publicArticleWhere(now)] },
      select: { id: true },
    }),
  ]);
  const isPublic = new Set(publicArticles.map((article) => article.id));
  const reportsBy = (key: string, outcome?: "UPHELD" | "DISMISSED") =>
    reporterHistory
      .filter((h) => h.reporterKey === key && (outcome === undefined || h.outcome === outcome))
      .reduce((sum, h) => sum + h._count._all, 0);
  const countFor = (email: string, status: string) =>
    history.find((h) => h.authorEmail === email && h.status === status)?._count._all ?? 0;
  const comments = rows.map(({ staffUser, reports, reportHiddenAt, article, ...row }) => ({
    ...row,
    article: { ...article, isPublic: isPublic.has(article.id) },
    queue: queueOf(row),
    staffName: staffUser?.name ?? null,
    hiddenByReports: reportHiddenAt !== null,
    reports: reports.map(({ reporterKey, reporterUser, reporterEmailHash, ...report }) => ({
      ...report,
      reporter: reporterUser
        ? { kind: "staff" as const, name: reporterUser.name }
        : reporterEmailHash
          ? { kind: "saved-commenter" as const, name: null }
          : { kind: "anonymous" as const, name: null },
      // Every report this reporter has made, and what moderators made of them.
      reporterHistory: {
        reports: reportsBy(reporterKey),
        upheld: reportsBy(reporterKey, "UPHELD"),
        dismissed: reportsBy(reporterKey, "DISMISSED"),
      },
    })),
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
