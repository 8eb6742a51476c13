// The staff's reads of takedown cases: the queue (how long each open case has waited against the
// target) and one case with the articles it names, their authorizations, evidence and history.
import "server-only";
import { db } from "@/lib/platform/db";
import { env } from "@/lib/platform/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NoticeStatus } from "@/lib/generated/prisma/enums";
import { OPEN_NOTICE_STATUSES } from "./labels";
import type { NoticeFilters } from "./schema";

const PAGE_SIZE = 50;
const HOUR_MS = 60 * 60 * 1000;

export const noticeTargetMs = () => env.NOTICE_TARGET_HOURS * HOUR_MS;

export interface QueueRow {
  id: string;
  caseNumber: string;
  status: NoticeStatus;
  claimantName: string;
  organisation: string | null;
  workTitle: string;
  receivedAt: Date;
  articleCount: number;
  /** For an open case: how long it has waited so far; null once decided. */
  waitedMs: number | null;
  overdue: boolean;
}

function filterWhere(filters: NoticeFilters, at: Date): Prisma.RightsNoticeWhereInput {
  const status =
    filters.status === "OPEN"
      ? { in: [...OPEN_NOTICE_STATUSES] }
      : filters.status
        ? { equals: filters.status }
        : undefined;
  const overdue = filters.overdue
    ? {
        status: { in: [...OPEN_NOTICE_STATUSES] },
        receivedAt: { lt: new Date(at.getTime() - noticeTargetMs()) },
      }
    : {};
  return { ...(status ? { status } : {}), ...overdue };
}

export async function listNotices(
  filters: NoticeFilters,
  at: Date,
): Promise<{ rows: QueueRow[]; total: number; pages: number; openCount: number; overdueCount: number }> {
  const where = filterWhere(filters, at);
  const [notices, total, openCount, overdueCount] = await Promise.all([
    db.rightsNotice.findMany({
      where,
      // Open cases first, oldest first: the one that has waited longest is on top.
      orderBy: [{ receivedAt: "asc" }],
      skip: (filters.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        caseNumber: true,
        status: true,
        claimantName: true,
        organisation: true,
        workTitle: true,
        receivedAt: true,
        _count: { select: { articles: true } },
      },
    }),
    db.rightsNotice.count({ where }),
    db.rightsNotice.count({ where: filterWhere({ ...filters, status: "OPEN", overdue: false }, at) }),
    db.rightsNotice.count({ where: filterWhere({ ...filters, status: undefined, overdue: true }, at) }),
  ]);
  const rows = notices
    .map(({ _count, ...notice }) => {
      const open = OPEN_NOTICE_STATUSES.includes(notice.status);
      const waitedMs = open ? at.getTime() - notice.receivedAt.getTime() : null;
      return {
        ...notice,
        articleCount: _count.articles,
        waitedMs,
        overdue: waitedMs !== null && waitedMs > noticeTargetMs(),
      };
    })
    .sort((a, b) => Number(b.waitedMs !== null) - Number(a.waitedMs !== null));
  return { rows, total, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)), openCount, overdueCount };
}

export async function getNoticeCase(id: string) {
  return db.rightsNotice.findUnique({
    where: { id },
    select: {
      id: true,
      caseNumber: true,
      status: true,
      claimantName: true,
      organisation: true,
      contactEmail: true,
      workTitle: true,
      workUrl: true,
      details: true,
      signature: true,
      rejectionReason: true,
      receivedAt: true,
      actionedAt: true,
      counterNoticeAt: true,
      restoreDueAt: true,
      claimantAnsweredAt: true,
      restoredAt: true,
      articles: {
        select: {
          url: true,
          article: {
            select: {
              id: true,
              title: true,
              slug: true,
              status: true,
              kind: true,
              withdrawnAt: true,
              withdrawnNoticeId: true,
              source: { select: { id: true, name: true } },
              authorization: {
                select: {
                  id: true,
                  status: true,
                  scope: true,
                  validFrom: true,
                  validUntil: true,
                  evidence: {
                    select: { id: true, kind: true, url: true, fileName: true, note: true },
                    orderBy: { createdAt: "asc" },
                  },
                },
              },
            },
          },
        },
      },
      events: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          type: true,
          fromStatus: true,
          toStatus: true,
          note: true,
          createdAt: true,
          actor: { select: { name: true } },
        },
      },
    },
  });
}

export type NoticeCase = NonNullable<Awaited<ReturnType<typeof getNoticeCase>>>;
