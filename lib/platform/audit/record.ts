// The audit log: who did what to which object, when, before and after. Written in the same
// transaction as the change it describes.
import type { DbTransaction } from "@/lib/platform/db";
import type { Prisma } from "@/lib/generated/prisma/client";

const SECRET_KEY = /password|hash|secret|token/i;

/** A JSON-safe copy of `value` with every secret-looking field replaced by "[redacted]". */
export function redact(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(
    JSON.stringify(value, (key, inner: unknown) => (key && SECRET_KEY.test(key) ? "[redacted]" : inner)),
  ) as Prisma.InputJsonValue;
}

export interface AuditEntry {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

export async function recordAudit(tx: DbTransaction, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: redact(entry.before),
      after: redact(entry.after),
      ip: entry.ip ?? null,
    },
  });
}
