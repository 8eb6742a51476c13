import "server-only";
import { db } from "@/lib/platform/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditFilters } from "@/lib/platform/audit/filters";
import { auditObjectNames } from "./entity-names";

export const AUDIT_PAGE_SIZE = 50;

export async function listAuditEntries(filters: AuditFilters) {
  const where: Prisma.AuditLogWhereInput = {
    entityType: filters.entityType,
    entityId: filters.entityId,
    action: filters.action ? { startsWith: filters.action } : undefined,
    actor: filters.actor ? { email: { contains: filters.actor.toLowerCase() } } : undefined,
    createdAt: {
      gte: filters.from ? new Date(`${filters.from}T00:00:00Z`) : undefined,
      lt: filters.to ? new Date(new Date(`${filters.to}T00:00:00Z`).getTime() + 86_400_000) : undefined,
    },
  };
  const [entries, total] = await Promise.all([
    db.auditLog.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filters.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: {
        id: true,
        action: true,
        entityType: true,
        entityId: true,
        before: true,
        after: true,
        ip: true,
        createdAt: true,
        actor: { select: { email: true, name: true } },
      },
    }),
    db.auditLog.count({ where }),
  ]);
  const names = await auditObjectNames(entries);
  return {
    entries: entries.map((entry) => ({
      ...entry,
      object: names.get(`${entry.entityType}:${entry.entityId}`) ?? null,
    })),
    total,
    pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
  };
}
