// Readers reporting a comment. Each report records who made it (keyed hashes only: of the IP, of
// the address as limits count it, of its wider network, of the saved commenter's email; or the
// staff member), one per reader and one per address on each comment, limited per address and per
// reader. Any report puts the comment in the Reported queue without hiding it; only the rule in
// lib/comments/report-rules.ts takes it off the public page, and never for new readers' reports.
import { z } from "zod";
import { invalidate } from "@/lib/platform/cache/invalidate";
import { cacheTag } from "@/lib/platform/cache/tags";
import { now } from "@/lib/platform/clock";
import { publicCommentWhere } from "@/lib/comments/public-comments";
import { db, type DbTransaction } from "@/lib/platform/db";
import type { Refusal } from "@/lib/platform/http/json-errors";
import { hit, type LimitRule } from "@/lib/platform/rate-limit";
import { isStorableText } from "@/lib/platform/storable-text";
import { commenterKey } from "./commenter-data";
import { keyedHash, rateLimitAddress, reportNetwork } from "@/lib/platform/http/address-keys";
import type { ModerationAction } from "./moderation-terms";
import { REPORT_REASONS } from "./report-reasons";
import { hidingReason, isUnreliableReporter } from "./report-rules";
import { TRUSTED_AFTER_APPROVED } from "./submit";

export const ReportInputSchema = z.object({
  reason: z.enum(REPORT_REASONS, { error: "Choose why you are reporting this comment." }),
});

/** Reports one address, or one known reader, may send in ten minutes, across all comments. */
export const REPORT_LIMIT: LimitRule = { limit: 10, windowMs: 10 * 60_000, blockMs: 10 * 60_000 };
/** And in a day. */
export const REPORT_DAILY_LIMIT: LimitRule = {
  limit: 30,
  windowMs: 24 * 60 * 60_000,
  blockMs: 24 * 60 * 60_000,
};

export const HIDDEN_BY_REPORTS = "report_hidden" satisfies ModerationAction;

/** Who is reporting, as the route knows them. */
export interface ReporterInput {
  ip: string | null;
  /** The email in the reader's saved commenter cookie, when they have one. */
  savedEmail?: string | null;
  /** The signed-in staff member, when there is one. */
  staffUserId?: string | null;
}

export type ReportResult = { ok: true; hidden: boolean } | ({ ok: false } & Refusal);

const NOT_FOUND: ReportResult = { ok: false, code: "NOT_FOUND", message: "That comment could not be found." };

const ALREADY_REPORTED: ReportResult = {
  ok: false,
  code: "CONFLICT",
  message: "You have already reported this comment. A moderator will look at it.",
};

interface ReporterIdentity {
  ipHash: string | null;
  addressHash: string;
  networkHash: string;
  reporterEmailHash: string | null;
  reporterUserId: string | null;
  reporterKey: string;
}

function identify({ ip, savedEmail, staffUserId }: ReporterInput): ReporterIdentity {
  const address = (ip ? rateLimitAddress(ip) : null) ?? "unknown";
  const network = (ip ? reportNetwork(ip) : null) ?? "unknown";
  const addressHash = keyedHash(`ip:${address}`);
  const reporterEmailHash = savedEmail ? commenterKey(savedEmail) : null;
  const reporterUserId = staffUserId ?? null;
  return {
    ipHash: ip ? keyedHash(ip.trim()) : null,
    addressHash,
    networkHash: keyedHash(`net:${network}`),
    reporterEmailHash,
    reporterUserId,
    // Reports made before readers were told apart carry the address hash alone: so do anonymous ones.
    reporterKey: reporterUserId
      ? `staff:${reporterUserId}`
      : reporterEmailHash
        ? `email:${reporterEmailHash}`
        : addressHash,
  };
}

function waitPhrase(seconds: number): string {
  if (seconds < 120) return `${seconds} second(s)`;
  if (seconds < 2 * 3600) return `${Math.ceil(seconds / 60)} minute(s)`;
  return `${Math.ceil(seconds / 3600)} hour(s)`;
}

/** Counts the report against the address and the reader; a refusal when any is over its limit. */
async function checkLimits(who: ReporterIdentity): Promise<ReportResult | null> {
  const keys = [`ip:${who.addressHash}`];
  if (who.reporterKey !== who.addressHash) keys.push(`reader:${who.reporterKey}`);
  const at = now().getTime();
  let blockedUntil = 0;
  for (const key of keys) {
    for (const [name, rule] of [
      ["comments:report", REPORT_LIMIT],
      ["comments:report-daily", REPORT_DAILY_LIMIT],
    ] as const) {
      const state = await hit(`${name}:${key}`, rule);
      if (state.hits > rule.limit) {
        blockedUntil = Math.max(blockedUntil, state.blockedUntil?.getTime() ?? at + rule.blockMs);
      }
    }
  }
  if (blockedUntil === 0) return null;
  const retryAfterSeconds = Math.max(1, Math.ceil((blockedUntil - at) / 1000));
  return {
    ok: false,
    code: "RATE_LIMITED",
    message: `You have sent many reports in a short time. Moderators will look at those; you can report again in ${waitPhrase(retryAfterSeconds)}.`,
    retryAfterSeconds,
  };
}

interface Standing {
  /** Staff, or a reliable reader with TRUSTED_AFTER_APPROVED approved comments. */
  trusted: boolean;
  /** Staff, or a reliable reader with an approved comment of their own: not a new reader. */
  knownReader: boolean;
}

const NEW_READER: Standing = { trusted: false, knownReader: false };

/** How much the reporter's word counts: staff, a trusted or known reader, or a new reader. */
async function standingOf(who: ReporterIdentity, savedEmail: string | null | undefined): Promise<Standing> {
  if (who.reporterUserId) return { trusted: true, knownReader: true };
  if (!savedEmail) return NEW_READER;
  const [approved, outcomes] = await Promise.all([
    // Exact but case-blind, as commenter-data matches a commenter.
    db.$queryRaw<{ count: bigint }[]>`
      SELECT count(*) AS "count" FROM "Comment"
      WHERE lower("authorEmail") = ${savedEmail.toLowerCase()} AND "status" = 'APPROVED'`,
    db.commentReport.groupBy({
      by: ["outcome"],
      where: { reporterKey: who.reporterKey, outcome: { not: null } },
      _count: { _all: true },
    }),
  ]);
  const approvedCount = Number(approved[0]?.count ?? 0);
  if (approvedCount === 0) return NEW_READER;
  const count = (outcome: string) => outcomes.find((o) => o.outcome === outcome)?._count._all ?? 0;
  if (isUnreliableReporter({ upheld: count("UPHELD"), dismissed: count("DISMISSED") })) return NEW_READER;
  return { trusted: approvedCount >= TRUSTED_AFTER_APPROVED, knownReader: true };
}

/** Distinct people with an approved comment on the article: the readership reports are weighed against. */
async function readershipOf(tx: DbTransaction, articleId: string): Promise<number> {
  const [row] = await tx.$queryRaw<{ count: bigint }[]>`
    SELECT count(DISTINCT lower("authorEmail")) AS "count" FROM "Comment"
    WHERE "articleId" = ${articleId} AND "status" = 'APPROVED'`;
  return Number(row?.count ?? 0);
}

export async function reportComment(
  commentId: string,
  input: unknown,
  reporter: ReporterInput,
): Promise<ReportResult> {
  const parsed = ReportInputSchema.safeParse(input);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "Choose a reason.";
    return { ok: false, code: "INVALID", message, fieldErrors: { reason: [message] } };
  }

  const who = identify(reporter);
  const limited = await checkLimits(who);
  if (limited) return limited;

  // No stored comment has an id PostgreSQL cannot even compare with.
  if (!isStorableText(commentId)) return NOT_FOUND;
  const standing = await standingOf(who, reporter.savedEmail);
  const at = now();
  const outcome = await db.$transaction(async (tx) => {
    // Reports on one comment queue behind each other here, so the counts are exact.
    await tx.$queryRaw`SELECT 1 FROM "Comment" WHERE "id" = ${commentId} FOR UPDATE`;
    const comment = await tx.comment.findFirst({
      where: { AND: [{ id: commentId }, publicCommentWhere(at)] },
      select: { articleId: true },
    });
    if (!comment) return "not-found" as const;
    const already = await tx.commentReport.findFirst({
      where: { commentId, OR: [{ reporterKey: who.reporterKey }, { addressHash: who.addressHash }] },
      select: { id: true },
    });
    if (already) return "already" as const;

    await tx.commentReport.create({
      data: { commentId, reason: parsed.data.reason, ...who, ...standing, createdAt: at },
    });
    const { reportCount } = await tx.comment.update({
      where: { id: commentId },
      data: { reportCount: { increment: 1 } },
      select: { reportCount: true },
    });
    if (reportCount === 1) {
      await tx.commentModeration.create({
        data: {
          commentId,
          actorId: null,
          action: "reported",
          fromStatus: "APPROVED",
          toStatus: "APPROVED",
          reasons: ["REPORTS"],
          note: "A reader reported it: in the Reported queue, still shown to readers.",
          createdAt: at,
        },
      });
    }

    const open = await tx.commentReport.findMany({
      where: { commentId, outcome: null },
      select: { trusted: true, knownReader: true, reporterUserId: true, networkHash: true },
    });
    const why = hidingReason(
      {
        staff: open.filter((r) => r.reporterUserId).length,
        trustedReaders: open.filter((r) => r.trusted && !r.reporterUserId).length,
        knownNetworks: new Set(open.filter((r) => r.knownReader).map((r) => r.networkHash)).size,
      },
      await readershipOf(tx, comment.articleId),
    );
    if (!why) return { articleId: comment.articleId, hidden: false };
    await tx.comment.update({ where: { id: commentId }, data: { reportHiddenAt: at } });
    await tx.commentModeration.create({
      data: {
        commentId,
        actorId: null,
        action: HIDDEN_BY_REPORTS,
        fromStatus: "APPROVED",
        toStatus: "APPROVED",
        reasons: ["REPORTS"],
        note: `${why} Hidden from readers until a moderator decides.`,
        createdAt: at,
      },
    });
    return { articleId: comment.articleId, hidden: true };
  });

  if (outcome === "not-found") return NOT_FOUND;
  if (outcome === "already") return ALREADY_REPORTED;
  if (outcome.hidden) await invalidate([cacheTag.comments(outcome.articleId), cacheTag.allComments]);
  return { ok: true, hidden: outcome.hidden };
}
