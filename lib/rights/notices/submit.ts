// A rights holder's notice, from the public form or POST /api/rights/notices. Refused, with
// nothing stored, when an element is missing, a field is too long or malformed, or a URL is not
// one of our articles; limited per sender address like comments. A complete notice opens a case.
import "server-only";
import { now } from "@/lib/platform/clock";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import { db } from "@/lib/platform/db";
import { keyedHash, rateLimitAddress } from "@/lib/platform/http/address-keys";
import type { Refusal } from "@/lib/platform/http/json-errors";
import { hitAll, type LimitRule } from "@/lib/platform/rate-limit";
import { caseNumberFor, recordCaseStep } from "./case-record";
import { resolveNamedArticles } from "./named-articles";
import { recordNoticeMail } from "./notice-mail";
import { parseNotice, type NoticeInput } from "./schema";

/** One notice every 10 seconds, ten an hour, from one address (an IPv6 /64). */
export const NOTICE_BURST_LIMIT: LimitRule = { limit: 1, windowMs: 10_000, blockMs: 10_000 };
export const NOTICE_HOURLY_LIMIT: LimitRule = { limit: 10, windowMs: 60 * 60_000, blockMs: 60 * 60_000 };

/** The hidden field people leave empty and form-filling robots do not. */
export const NOTICE_HONEYPOT_FIELD = "website2";

export type SubmitNoticeResult =
  | {
      ok: true;
      /** `mail`: the acknowledgement and the admins' messages, to deliver now the case is committed. */
      notice: { id: string; caseNumber: string; input: NoticeInput; mail: Array<string | null> };
    }
  /** The honeypot caught it: answered like a success, nothing stored. */
  | { ok: true; notice: null }
  | ({ ok: false } & Refusal);

export async function submitNotice(
  fields: Record<string, unknown>,
  meta: { ip: string | null; siteTitle: string },
): Promise<SubmitNoticeResult> {
  if (typeof fields[NOTICE_HONEYPOT_FIELD] === "string" && fields[NOTICE_HONEYPOT_FIELD] !== "") {
    return { ok: true, notice: null };
  }
  const parsed = parseNotice(fields);
  if (!parsed.ok)
    return { ok: false, code: "INVALID", message: parsed.message, fieldErrors: parsed.fieldErrors };
  const input = parsed.notice;
  const at = now();

  const named = await resolveNamedArticles(input.articleUrls, at);
  if (!named.ok) {
    const message = `Only articles on this site can be named. ${named.problems.join(" ")}`;
    return { ok: false, code: "INVALID", message, fieldErrors: { articleUrls: named.problems } };
  }

  const address = meta.ip ? rateLimitAddress(meta.ip) : null;
  if (address) {
    const key = keyedHash(`ip:${address}`);
    const limited = await hitAll(
      [
        { key: `notices:burst:ip:${key}`, rule: NOTICE_BURST_LIMIT },
        { key: `notices:hourly:ip:${key}`, rule: NOTICE_HOURLY_LIMIT },
      ],
      at,
    );
    if (limited) {
      const { retryAfterSeconds } = limited;
      return {
        ok: false,
        code: "RATE_LIMITED",
        message: `Too many notices from your address. Please wait ${retryAfterSeconds} second(s) and send it again.`,
        retryAfterSeconds,
      };
    }
  }

  const created = await db.$transaction(async (tx) => {
    const [{ serial }] = await tx.$queryRaw<[{ serial: number }]>`
      select nextval(pg_get_serial_sequence('"RightsNotice"', 'serial'))::int as serial`;
    const caseNumber = caseNumberFor(serial, at);
    const notice = await tx.rightsNotice.create({
      data: {
        serial,
        caseNumber,
        claimantName: input.claimantName,
        organisation: input.organisation,
        contactEmail: input.contactEmail,
        workTitle: input.workTitle,
        workUrl: input.workUrl,
        details: input.details,
        signature: input.signature,
        goodFaithStatement: true,
        accuracyStatement: true,
        ipHash: meta.ip ? keyedHash(meta.ip.trim()) : null,
        receivedAt: at,
        articles: { create: named.articles },
      },
      select: { id: true, caseNumber: true },
    });
    await recordCaseStep(tx, {
      noticeId: notice.id,
      type: "received",
      from: null,
      to: "RECEIVED",
      actorId: null,
      at,
      data: { caseNumber, articles: named.articles.map((a) => a.articleId) },
    });
    // Downstream learns that a case is open and which of our URLs it names, not who complained.
    await emitWebhookEvent(
      "notice.received",
      { caseNumber, receivedAt: at.toISOString(), urls: named.articles.map((a) => a.url) },
      tx,
    );
    const mail = await recordNoticeMail(tx, { ...notice, ...input }, meta.siteTitle);
    return { ...notice, mail };
  });
  return { ok: true, notice: { ...created, input } };
}
