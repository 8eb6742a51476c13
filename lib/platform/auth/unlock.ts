// One-time links that let a locked-out staff member back in, sent by mail when SMTP_URL is set
// (recorded in the outbox with the token, then delivered; without SMTP_URL there is no unlock
// mail: the lock or delay runs out by itself). The link carries a random token; only its SHA-256 is stored. Following it (and confirming) marks the browser's
// address as known to the account, so the account's delay no longer applies there, and lifts
// the account's per-address locks. It works once, and not after UNLOCK_LINK_TTL_MS.
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "@/lib/platform/audit/record";
import { now } from "@/lib/platform/clock";
import { db } from "@/lib/platform/db";
import { env } from "@/lib/platform/env";
import { mailConfigured, recordMail } from "@/lib/platform/mail";
import { deliverAfterCommit } from "@/lib/platform/outbox/delivery-trigger";
import { accountAddressPrefix, rememberAddress } from "./login-keys";

export const UNLOCK_LINK_TTL_MS = 60 * 60_000;
/** However often an account is locked, its owner gets at most one unlock mail in this time. */
export const UNLOCK_MAIL_INTERVAL_MS = 15 * 60_000;

export const UNLOCK_PATH = "/login/unlock";

const INCOMPLETE_LINK = "The unlock link is incomplete: open it from the mail again.";

/** What the unlock form posts: the token from the link (32 random bytes, base64url). */
export const UnlockInputSchema = z.object({
  token: z.string(INCOMPLETE_LINK).regex(/^[\w-]{43}$/, INCOMPLETE_LINK),
});

function sha256(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Mails `email` an unlock link, unless mail is off (a link kept unsent in the outbox would only
 * expire there) or one went out recently. The token and its message are recorded together.
 * True when the mail has gone out.
 */
export async function mailUnlockLink(userId: string, email: string): Promise<boolean> {
  if (!mailConfigured()) return false;
  const at = now();
  const recent = await db.loginUnlockToken.count({
    where: { userId, createdAt: { gt: new Date(at.getTime() - UNLOCK_MAIL_INTERVAL_MS) } },
  });
  if (recent > 0) return false;
  await db.loginUnlockToken.deleteMany({ where: { expiresAt: { lte: at } } });
  const token = randomBytes(32).toString("base64url");
  const link = new URL(UNLOCK_PATH, env.SITE_URL);
  link.searchParams.set("token", token);
  const mailId = await db.$transaction(async (tx) => {
    await tx.loginUnlockToken.create({
      data: {
        userId,
        tokenHash: sha256(token),
        createdAt: at,
        expiresAt: new Date(at.getTime() + UNLOCK_LINK_TTL_MS),
      },
    });
    return recordMail(tx, {
      to: email,
      kind: "auth.unlock",
      subject: "Your Crosscurrent sign-in is locked",
      text: [
        "There were too many failed attempts to sign in to your Crosscurrent account, so signing in",
        "is paused for a while. If that was you, or you want to sign in now, open this link",
        `(it works once, within ${UNLOCK_LINK_TTL_MS / 60_000} minutes):`,
        "",
        link.toString(),
        "",
        "If it was not you, someone may be guessing your password: tell an administrator.",
      ].join("\n"),
    });
  });
  if (!mailId) return false;
  await deliverAfterCommit([mailId]);
  const mail = await db.outboundMail.findUnique({ where: { id: mailId }, select: { status: true } });
  return mail?.status === "SENT";
}

/** For the sign-in path: mails the link without holding up (or failing) the answer. */
export function mailUnlockLinkInBackground(userId: string, email: string): void {
  mailUnlockLink(userId, email).catch((error: unknown) => {
    console.error(JSON.stringify({ event: "auth.unlockMail.failed", message: (error as Error).message }));
  });
}

/** Uses an unlock token: true when it was valid (and is now spent), false otherwise. */
export async function unlockWithToken(token: string, ip: string | null): Promise<boolean> {
  const at = now();
  return db.$transaction(async (tx) => {
    const spent = await tx.loginUnlockToken.updateManyAndReturn({
      where: { tokenHash: sha256(token), usedAt: null, expiresAt: { gt: at } },
      data: { usedAt: at },
      select: { userId: true, user: { select: { email: true } } },
    });
    const [unlock] = spent;
    if (!unlock) return false;
    await tx.rateLimit.deleteMany({
      where: { key: { startsWith: accountAddressPrefix(unlock.user.email) } },
    });
    await rememberAddress(unlock.userId, ip, tx);
    await recordAudit(tx, {
      actorId: unlock.userId,
      action: "auth.unlock",
      entityType: "User",
      entityId: unlock.userId,
      ip,
    });
    return true;
  });
}
