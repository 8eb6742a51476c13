import "server-only";
// The Outbox page's reads: recorded mail, newest first, filtered by status, kind and recipient.
import { db } from "@/lib/platform/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OutboxFilters } from "./filters";

export const OUTBOX_PAGE_SIZE = 50;

export async function listOutbox(filters: OutboxFilters) {
  const where: Prisma.OutboundMailWhereInput = {
    status: filters.status,
    kind: filters.kind,
    recipient: filters.to ? { contains: filters.to, mode: "insensitive" } : undefined,
  };
  const [messages, total] = await Promise.all([
    db.outboundMail.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filters.page - 1) * OUTBOX_PAGE_SIZE,
      take: OUTBOX_PAGE_SIZE,
      select: {
        id: true,
        recipient: true,
        subject: true,
        text: true,
        kind: true,
        status: true,
        attempts: true,
        lastError: true,
        nextAttemptAt: true,
        createdAt: true,
        sentAt: true,
      },
    }),
    db.outboundMail.count({ where }),
  ]);
  return { messages, total, pages: Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE)) };
}

/** The kinds of mail recorded so far, for the filter. */
export async function outboxKinds(): Promise<string[]> {
  const rows = await db.outboundMail.groupBy({ by: ["kind"], orderBy: { kind: "asc" } });
  return rows.map((row) => row.kind);
}
