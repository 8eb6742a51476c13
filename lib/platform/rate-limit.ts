// Fixed-window counters in PostgreSQL, so every app instance sees the same counts. Time comes
// from the one clock.
import { now } from "@/lib/platform/clock";
import { db } from "@/lib/platform/db";

export interface LimitRule {
  /** How many hits the window allows before the key is blocked. */
  limit: number;
  windowMs: number;
  /** How long the key stays blocked once over the limit. */
  blockMs: number;
}

export interface LimitState {
  hits: number;
  blockedUntil: Date | null;
}

/** When `key` is blocked, the time the block lifts; otherwise null. */
export async function blockedUntil(key: string): Promise<Date | null> {
  const row = await db.rateLimit.findUnique({ where: { key }, select: { blockedUntil: true } });
  return row?.blockedUntil && row.blockedUntil > now() ? row.blockedUntil : null;
}

/** Counts one hit against `key` in one atomic statement, blocking it when over the limit. */
export async function hit(key: string, rule: LimitRule): Promise<LimitState> {
  const at = now();
  const windowStart = new Date(at.getTime() - rule.windowMs);
  const blockUntil = new Date(at.getTime() + rule.blockMs);
  const [row] = await db.$queryRaw<LimitState[]>`
    insert into "RateLimit" ("key", "hits", "windowStartsAt", "blockedUntil")
    values (${key}, 1, ${at}, ${rule.limit <= 1 ? blockUntil : null})
    on conflict ("key") do update set
      "hits" = case when "RateLimit"."windowStartsAt" <= ${windowStart} then 1 else "RateLimit"."hits" + 1 end,
      "windowStartsAt" = case when "RateLimit"."windowStartsAt" <= ${windowStart} then ${at} else "RateLimit"."windowStartsAt" end,
      "blockedUntil" = case
        when (case when "RateLimit"."windowStartsAt" <= ${windowStart} then 1 else "RateLimit"."hits" + 1 end) >= ${rule.limit}
          then ${blockUntil}
        else "RateLimit"."blockedUntil" end
    returning "hits", "blockedUntil"`;
  return row!;
}

/** Takes back one hit (an attempt that turned out fine), lifting a block that hit caused. */
export async function forgive(key: string, rule: LimitRule): Promise<void> {
  await db.$executeRaw`
    update "RateLimit" set
      "hits" = greatest("hits" - 1, 0),
      "blockedUntil" = case when "hits" - 1 < ${rule.limit} then null else "blockedUntil" end
    where "key" = ${key}`;
}

export async function resetLimit(key: string): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key } });
}
