// The Setting table: one JSON value per key, read tolerantly by each owner and saved here, one
// way for every key — serialized per key, refused when the form was loaded from an older
// version, audited in the same transaction, and left alone when nothing changed.
import { ActionFailure } from "@/lib/platform/actions/result";
import type { ActionContext } from "@/lib/platform/actions/run-action";
import { recordAudit } from "@/lib/platform/audit/record";
import { db } from "@/lib/platform/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export interface SavedSetting<T> {
  value: T;
  /** The row's updatedAt after the save; the form sends it back as `expectedSavedAt`. */
  savedAt: string;
  /** False when the input matched what was stored: nothing written, nothing audited. */
  changed: boolean;
}

/** A stored row's value and version ("" when there is no row yet), by key. */
export async function loadSettings(
  keys: readonly string[],
): Promise<Map<string, { value: unknown; savedAt: string }>> {
  const rows = await db.setting.findMany({ where: { key: { in: [...keys] } } });
  return new Map(rows.map((row) => [row.key, { value: row.value, savedAt: row.updatedAt.toISOString() }]));
}

/**
 * Saves `value` under `key`. `expected` is the version the form was loaded from; undefined skips
 * the check (direct callers). `parse` reads the stored value the way the owner reads it, for the
 * audit's "before" and to notice that nothing changed.
 */
export async function saveSetting<T extends object>(
  key: string,
  value: T,
  expected: string | undefined,
  parse: (stored: unknown) => T,
  { actor, ip }: ActionContext,
): Promise<SavedSetting<T>> {
  return db.$transaction(async (tx) => {
    // Serializes saves of this key, including the first one, when there is no row to lock yet.
    await tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${`setting:${key}`}))`;
    const current = await tx.setting.findUnique({ where: { key } });
    const currentSavedAt = current?.updatedAt.toISOString() ?? "";
    if (expected !== undefined && expected !== currentSavedAt) {
      throw new ActionFailure(
        "CONFLICT",
        "Someone else saved these settings after you opened the page. Reload it to see their version.",
      );
    }
    const before = current ? parse(current.value) : undefined;
    if (current && JSON.stringify(before) === JSON.stringify(value)) {
      return { value, savedAt: currentSavedAt, changed: false };
    }
    const json = value as unknown as Prisma.InputJsonValue;
    const saved = await tx.setting.upsert({
      where: { key },
      create: { key, value: json },
      update: { value: json },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "settings.update",
      entityType: "Setting",
      entityId: key,
      before,
      after: value,
      ip,
    });
    return { value, savedAt: saved.updatedAt.toISOString(), changed: true };
  });
}
