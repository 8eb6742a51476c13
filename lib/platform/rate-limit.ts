// Fixed-window counters in PostgreSQL, so every app instance sees the same counts. Time comes
// from the one clock.
import { now } from "@/lib/platform/clock";
import { preparedSql } from "@/lib/platform/database/prepared-statements";
import { db } from "@/lib/platform/db";
import { Prisma } from "@/lib/generated/prisma/client";

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

/**
 * Counts one attempt against every key in one statement; if any is over its limit, takes all the
 * hits back (a refused attempt costs nothing) and says how long until the fullest window ends.
 */
export async function hitAll(
  keys: { key: string; rule: LimitRule }[],
  at: Date,
): Promise<{ retryAfterSeconds: number } | null> {
  if (keys.length === 0) return null;
  if (new Set(keys.map((k) => k.key)).size < keys.length) throw new Error("hitAll: each key once.");
  const states = await hitEach(keys, at);
  const over = keys.filter(({ key, rule }) => states.get(key)!.hits > rule.limit);
  if (over.length === 0) return null;
  await Promise.all(keys.map(({ key, rule }) => forgive(key, rule)));

  let retryAt = at.getTime() + 1000;
  for (const { key, rule } of over) {
    retryAt = Math.max(retryAt, states.get(key)!.windowStartsAt.getTime() + rule.windowMs);
  }
  return { retryAfterSeconds: Math.max(1, Math.ceil((retryAt - at.getTime()) / 1000)) };
}

/**
 * `hit` for several keys at once: one atomic upsert, one round trip, each key counted under its
 * own rule (read back from the input rows by key, since the conflicting row carries no rule).
 */
async function hitEach(
  keys: { key: string; rule: LimitRule }[],
  at: Date,
): Promise<Map<string, LimitState & { windowStartsAt: Date }>> {
  const ruleOf = (column: "limit" | "windowMs" | "blockMs") =>
    Prisma.sql`(select i.${Prisma.raw(`"${column}"`)} from input i where i."key" = excluded."key")`;
  const millis = (amount: Prisma.Sql) => Prisma.sql`(${amount} * interval '1 millisecond')`;
  // Typed, or PostgreSQL reads the parameter beside an interval as an interval.
  const time = Prisma.sql`${at}::timestamp(3)`;
  const windowReset = Prisma.sql`r."windowStartsAt" <= ${time} - ${millis(ruleOf("windowMs"))}`;
  const hits = Prisma.sql`case when ${windowReset} then 1 else r."hits" + 1 end`;
  // Prepared: the same text whatever the keys (they travel as arrays), and hit on every post.
  const rows = await db.$queryRaw<Array<LimitState & { key: string; windowStartsAt: Date }>>(
    preparedSql(Prisma.sql`
    with input as (
      select * from unnest(
        ${keys.map((k) => k.key)}::text[],
        ${keys.map((k) => k.rule.limit)}::int[],
        ${keys.map((k) => k.rule.windowMs)}::bigint[],
        ${keys.map((k) => k.rule.blockMs)}::bigint[]
      ) as t("key", "limit", "windowMs", "blockMs")
    )
    insert into "RateLimit" as r ("key", "hits", "windowStartsAt", "blockedUntil")
    select i."key", 1, ${time}, case when i."limit" <= 1 then ${time} + ${millis(Prisma.sql`i."blockMs"`)} end
    from input i
    on conflict ("key") do update set
      "hits" = ${hits},
      "windowStartsAt" = case when ${windowReset} then ${time} else r."windowStartsAt" end,
      "blockedUntil" = case
        when ${hits} >= ${ruleOf("limit")} then ${time} + ${millis(ruleOf("blockMs"))}
        else r."blockedUntil" end
    returning "key", "hits", "windowStartsAt", "blockedUntil"`),
  );
  return new Map(rows.map(({ key, ...state }) => [key, state]));
}

export async function resetLimit(key: string): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key } });
}

/**
 * A growing delay instead of a hard block: the first `freeFailures` failures cost nothing, each
 * one after that makes the key wait `firstDelayMs`, doubling, at most `maxDelayMs`. Failures are
 * forgotten after `forgetAfterMs` without one.
 */
export interface BackoffRule {
  freeFailures: number;
  firstDelayMs: number;
  maxDelayMs: number;
  forgetAfterMs: number;
}

export type BackoffClaim =
  { allowed: false; retryAt: Date } | { allowed: true; failures: number; delayedUntil: Date | null };

/** The delay `failures` consecutive failures earn. */
export function backoffDelayMs(failures: number, rule: BackoffRule): number {
  if (failures <= rule.freeFailures) return 0;
  return Math.min(rule.maxDelayMs, rule.firstDelayMs * 2 ** (failures - rule.freeFailures - 1));
}

/**
 * Claims one attempt against `key`. While the key waits out its delay the attempt is refused
 * (and not counted). Otherwise it is counted as a failure up front, so parallel guesses cannot
 * all slip in before the delay, and the delay it earns is set; `forgiveBackoff` takes it back
 * when the attempt succeeds. For these keys "windowStartsAt" holds the last failure.
 */
export async function claimBackoffAttempt(key: string, rule: BackoffRule): Promise<BackoffClaim> {
  const at = now();
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`
      insert into "RateLimit" ("key", "hits", "windowStartsAt") values (${key}, 0, ${at})
      on conflict ("key") do nothing`;
    const [row] = await tx.$queryRaw<
      Array<{ hits: number; windowStartsAt: Date; blockedUntil: Date | null }>
    >`
      select "hits", "windowStartsAt", "blockedUntil" from "RateLimit" where "key" = ${key} for update`;
    if (row!.blockedUntil && row!.blockedUntil > at) return { allowed: false, retryAt: row!.blockedUntil };
    const forgotten = row!.windowStartsAt.getTime() <= at.getTime() - rule.forgetAfterMs;
    const failures = forgotten ? 1 : row!.hits + 1;
    const delay = backoffDelayMs(failures, rule);
    const delayedUntil = delay > 0 ? new Date(at.getTime() + delay) : null;
    await tx.rateLimit.update({
      where: { key },
      data: { hits: failures, windowStartsAt: at, blockedUntil: delayedUntil },
    });
    return { allowed: true, failures, delayedUntil };
  });
}

/** Takes back an attempt `claim` counted that turned out fine, with the delay it set. */
export async function forgiveBackoff(key: string, claim: BackoffClaim): Promise<void> {
  if (!claim.allowed) return;
  await db.$executeRaw`
    update "RateLimit" set
      "hits" = greatest("hits" - 1, 0),
      "blockedUntil" = case when "blockedUntil" = ${claim.delayedUntil} then null else "blockedUntil" end
    where "key" = ${key}`;
}
