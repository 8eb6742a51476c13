// Mail from the site. Every message is first recorded in the outbox (the OutboundMail table),
// in the transaction of the change that causes it where there is one (`recordMail`), and then
// delivered over SMTP when SMTP_URL is set (lib/platform/outbox/deliver.ts). Without SMTP_URL
// (the embedded default) it is kept in the outbox as HELD, for an admin to read at /admin/outbox.
import { now } from "@/lib/platform/clock";
import { db, type DbTransaction } from "@/lib/platform/db";
import { env } from "@/lib/platform/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { deliverAfterCommit } from "@/lib/platform/outbox/delivery-trigger";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** What caused it, for the outbox's filter ("auth.unlock", "comments.reply"…); "general" when unsaid. */
  kind?: string;
  /** Extra headers, such as List-Unsubscribe. */
  headers?: Record<string, string>;
  /** At most one message is ever recorded per key: a second record with it records nothing. */
  dedupeKey?: string;
}

export function mailConfigured(): boolean {
  return Boolean(env.SMTP_URL);
}

/**
 * Records `message` in the outbox inside `tx`; deliver it after the commit with
 * `deliverAfterCommit`. Returns its id, or null when its dedupeKey was already recorded.
 */
export async function recordMail(tx: DbTransaction, message: MailMessage): Promise<string | null> {
  const [row] = await tx.outboundMail.createManyAndReturn({
    data: {
      recipient: message.to,
      subject: message.subject,
      text: message.text,
      kind: message.kind ?? "general",
      headers: (message.headers ?? {}) as Prisma.InputJsonObject,
      dedupeKey: message.dedupeKey ?? null,
      status: mailConfigured() ? "QUEUED" : "HELD",
      createdAt: now(),
    },
    skipDuplicates: true,
    select: { id: true },
  });
  return row?.id ?? null;
}

/**
 * For erasure on request: the outbox's messages to `email` keep their record under
 * `placeholder` instead, and any still waiting are not sent. Returns how many were changed.
 */
export async function forgetMailRecipient(
  tx: DbTransaction,
  email: string,
  placeholder: string,
): Promise<number> {
  const where = { recipient: { equals: email, mode: "insensitive" as const } };
  await tx.outboundMail.updateMany({
    where: { ...where, status: { in: ["QUEUED", "FAILED", "HELD"] } },
    data: { status: "HELD", nextAttemptAt: null, lastError: "Not sent: the recipient's data was erased." },
  });
  const { count } = await tx.outboundMail.updateMany({ where, data: { recipient: placeholder } });
  return count;
}

/**
 * Records `message` and delivers it. True when it has gone out by the time this returns; false
 * when it is kept in the outbox (no SMTP_URL, a repeated dedupeKey) or the relay refused it (the
 * outbox has the error and retries it). SMTP errors are recorded, not thrown.
 */
export async function sendMail(message: MailMessage): Promise<boolean> {
  const id = await db.$transaction((tx) => recordMail(tx, message));
  if (!id) return false;
  await deliverAfterCommit([id]);
  const row = await db.outboundMail.findUnique({ where: { id }, select: { status: true } });
  return row?.status === "SENT";
}
