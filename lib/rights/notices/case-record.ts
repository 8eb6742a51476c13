// Every step of a case is written twice in one transaction: an append-only event on the case
// (what the case page shows) and an audit entry (what the audit log shows).
import { recordAudit } from "@/lib/platform/audit/record";
import type { DbTransaction } from "@/lib/platform/db";
import type { NoticeStatus } from "@/lib/generated/prisma/enums";

export interface CaseStep {
  noticeId: string;
  /** Event type, also the audit action after "notice.". */
  type: string;
  from: NoticeStatus | null;
  to: NoticeStatus | null;
  note?: string | null;
  actorId: string | null;
  ip?: string | null;
  at: Date;
  /** More for the audit entry's "after". */
  data?: Record<string, unknown>;
}

export async function recordCaseStep(tx: DbTransaction, step: CaseStep): Promise<void> {
  await tx.rightsNoticeEvent.create({
    data: {
      noticeId: step.noticeId,
      type: step.type,
      fromStatus: step.from,
      toStatus: step.to,
      note: step.note || null,
      actorId: step.actorId,
      createdAt: step.at,
    },
  });
  await recordAudit(tx, {
    actorId: step.actorId,
    action: `notice.${step.type}`,
    entityType: "RightsNotice",
    entityId: step.noticeId,
    before: step.from ? { status: step.from } : undefined,
    after: { status: step.to, ...(step.note ? { note: step.note } : {}), ...step.data },
    ip: step.ip,
  });
}

/** TN-2026-0042: the year it came and its serial. */
export function caseNumberFor(serial: number, receivedAt: Date): string {
  return `TN-${receivedAt.getUTCFullYear()}-${String(serial).padStart(4, "0")}`;
}
