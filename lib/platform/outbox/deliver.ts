// Delivery of recorded mail. A message is claimed before it is sent (QUEUED or FAILED → SENDING,
// conditionally), so two deliveries of one message, in one process or several, send it once.
// A failed attempt records the error and when to try again; `deliverQueuedMail` picks up what
// is due: messages still queued after a crash, failures whose retry time has come, and claims
// left behind by a process that died mid-send.
import { now } from "@/lib/platform/clock";
import { db } from "@/lib/platform/db";
import type { MailStatus } from "@/lib/generated/prisma/enums";
import { mailFrom } from "./sender";
import { smtpTransport } from "./transport";

/** After this many failed attempts a message stays FAILED until someone retries it. */
export const MAX_MAIL_ATTEMPTS = 8;
/** A claim older than this is taken to be from a process that died before it finished. */
export const STALE_CLAIM_MS = 10 * 60_000;
const FIRST_RETRY_MS = 60_000;
const LONGEST_RETRY_MS = 6 * 60 * 60_000;

/** When to try again after `attempts` failures: 1, 2, 4 … minutes, at most 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_RETRY_MS);
}

/**
 * Sends the message `id` if it is still to be sent (queued, failed, or claimed by a dead
 * process). Returns its status afterwards; null when there is no such message. Without an SMTP
 * relay nothing is sent and the status is returned as it is.
 */
export async function deliverMail(id: string): Promise<MailStatus | null> {
  const transport = smtpTransport();
  const at = now();
  if (!transport) {
    const row = await db.outboundMail.findUnique({ where: { id }, select: { status: true } });
    return row?.status ?? null;
  }
  const [message] = await db.outboundMail.updateManyAndReturn({
    where: {
      id,
      OR: [
        { status: { in: ["QUEUED", "FAILED"] } },
        { status: "SENDING", claimedAt: { lt: new Date(at.getTime() - STALE_CLAIM_MS) } },
      ],
    },
    data: { status: "SENDING", claimedAt: at, attempts: { increment: 1 } },
  });
  if (!message) {
    const row = await db.outboundMail.findUnique({ where: { id }, select: { status: true } });
    return row?.status ?? null;
  }
  try {
    await transport.sendMail({
      from: await mailFrom(),
      to: message.recipient,
      subject: message.subject,
      text: message.text,
      headers: message.headers as Record<string, string>,
    });
  } catch (error) {
    const retry = message.attempts < MAX_MAIL_ATTEMPTS;
    await db.outboundMail.update({
      where: { id },
      data: {
        status: "FAILED",
        lastError: String((error as Error).message ?? error).slice(0, 1000),
        nextAttemptAt: retry ? new Date(now().getTime() + retryDelayMs(message.attempts)) : null,
        claimedAt: null,
      },
    });
    return "FAILED";
  }
  await db.outboundMail.update({
    where: { id },
    data: { status: "SENT", sentAt: now(), lastError: null, nextAttemptAt: null },
  });
  return "SENT";
}

/** Delivers what is due at `at`, oldest first, at most `limit` messages; counts the outcomes. */
export async function deliverQueuedMail(
  at: Date = now(),
  limit = 50,
): Promise<{ sent: number; failed: number }> {
  if (!smtpTransport()) return { sent: 0, failed: 0 };
  const due = await db.outboundMail.findMany({
    where: {
      OR: [
        { status: "QUEUED" },
        { status: "FAILED", nextAttemptAt: { lte: at } },
        { status: "SENDING", claimedAt: { lt: new Date(at.getTime() - STALE_CLAIM_MS) } },
      ],
    },
    orderBy: { createdAt: "asc" },
    take: limit,
    select: { id: true },
  });
  const outcome = { sent: 0, failed: 0 };
  for (const { id } of due) {
    const status = await deliverMail(id);
    if (status === "SENT") outcome.sent += 1;
    if (status === "FAILED") outcome.failed += 1;
  }
  return outcome;
}
