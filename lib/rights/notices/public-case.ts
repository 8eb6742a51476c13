// What the public case page (/rights/notices/<case>) may say about a takedown case: its number,
// its dates, where it stands and which of our articles it withdrew. Never who complained or how
// to reach them.
import "server-only";
import { db } from "@/lib/platform/db";
import type { NoticeStatus } from "@/lib/generated/prisma/enums";

export interface PublicCase {
  caseNumber: string;
  status: NoticeStatus;
  receivedAt: Date;
  actionedAt: Date | null;
  counterNoticeAt: Date | null;
  restoreDueAt: Date | null;
  restoredAt: Date | null;
  /** The articles the case withdrew (still or until restored). */
  articles: Array<{ title: string }>;
}

export async function getPublicCase(caseNumber: string): Promise<PublicCase | null> {
  const notice = await db.rightsNotice.findUnique({
    where: { caseNumber },
    select: {
      caseNumber: true,
      status: true,
      receivedAt: true,
      actionedAt: true,
      counterNoticeAt: true,
      restoreDueAt: true,
      restoredAt: true,
      events: { where: { type: "actioned" }, select: { id: true } },
      articles: { select: { article: { select: { id: true, title: true } } } },
    },
  });
  if (!notice) return null;
  const { events, articles, ...rest } = notice;
  // Only a case that withdrew something names articles: a notice alone proves nothing.
  const named = events.length > 0 ? articles.map(({ article }) => ({ title: article.title })) : [];
  return { ...rest, articles: named };
}
