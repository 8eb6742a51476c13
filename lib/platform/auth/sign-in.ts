// Checking a staff member's email and password without letting anyone who knows the email lock
// the owner out:
// - an account together with one client address is locked after repeated failures (brute
//   force from one place stops);
// - failures from addresses the account has never signed in from slow the account down with a
//   growing delay ("try again in N seconds"), not a lock; addresses it has signed in from (or
//   confirmed by an unlock link, lib/platform/auth/unlock.ts) skip the delay, so the owner at
//   their usual desk is not held up by an attacker elsewhere;
// - one address is blocked after many failures across accounts.
// Every lockout is audited, and a locked-out user is mailed an unlock link when mail is set up.
// Messages never reveal whether the email exists.
import { z } from "zod";
import { recordAudit } from "@/lib/platform/audit/record";
import { now } from "@/lib/platform/clock";
import { db } from "@/lib/platform/db";
import {
  blockedUntil,
  claimBackoffAttempt,
  forgive,
  forgiveBackoff,
  hit,
  resetLimit,
  type BackoffClaim,
  type BackoffRule,
  type LimitRule,
} from "@/lib/platform/rate-limit";
import { hashPassword, verifyPassword } from "./password";
import { accountAddressKey, accountKey, isKnownAddress, rememberAddress } from "./login-keys";
import { mailUnlockLinkInBackground } from "./unlock";

export const ACCOUNT_ADDRESS_LIMIT: LimitRule = { limit: 10, windowMs: 15 * 60_000, blockMs: 15 * 60_000 };
export const IP_LIMIT: LimitRule = { limit: 50, windowMs: 15 * 60_000, blockMs: 15 * 60_000 };
export const ACCOUNT_BACKOFF: BackoffRule = {
  freeFailures: 5,
  firstDelayMs: 15_000,
  maxDelayMs: 15 * 60_000,
  forgetAfterMs: 60 * 60_000,
};

export const CredentialsSchema = z.object({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
  password: z.string().min(1).max(1024),
});

export const WRONG_CREDENTIALS = "Email or password is wrong.";

export type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string; role: string; sessionVersion: number } }
  | { ok: false; message: string };

// Verifying against a real hash when the email is unknown keeps both paths equally slow.
let dummyHash: Promise<string> | undefined;

function locked(until: Date): SignInResult {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now().getTime()) / 60_000));
  return { ok: false, message: `Too many failed sign-ins. Try again in ${minutes} minute(s).` };
}

function slowedDown(until: Date): SignInResult {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now().getTime()) / 1000));
  return {
    ok: false,
    message: `Too many failed sign-ins for this account. Try again in ${seconds} second(s).`,
  };
}

export async function signInWithPassword(input: unknown, ip: string | null): Promise<SignInResult> {
  const parsed = CredentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: WRONG_CREDENTIALS };
  const { email, password } = parsed.data;
  const pairKey = accountAddressKey(email, ip);
  const ipKey = ip ? `login:ip:${ip}` : null;

  const lockedUntil = (await blockedUntil(pairKey)) ?? (ipKey ? await blockedUntil(ipKey) : null);
  if (lockedUntil) return locked(lockedUntil);

  const user = await db.user.findUnique({ where: { email }, omit: { passwordHash: false } });
  let backoff: BackoffClaim | null = null;
  if (!user || !(await isKnownAddress(user.id, ip))) {
    backoff = await claimBackoffAttempt(accountKey(email), ACCOUNT_BACKOFF);
    if (!backoff.allowed) return slowedDown(backoff.retryAt);
  }

  // Count the attempt before checking the password, so parallel guesses cannot all slip
  // past the lock; a successful attempt is taken back below.
  const pair = await hit(pairKey, ACCOUNT_ADDRESS_LIMIT);
  const address = ipKey ? await hit(ipKey, IP_LIMIT) : null;
  if (pair.hits > ACCOUNT_ADDRESS_LIMIT.limit && pair.blockedUntil) return locked(pair.blockedUntil);
  if (address && address.hits > IP_LIMIT.limit && address.blockedUntil) return locked(address.blockedUntil);

  dummyHash ??= hashPassword("not a real password, only for timing");
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);

  if (!user || !valid || !user.active) {
    const lockouts = newLockouts(pair, address, backoff);
    // A failed attempt on a real account is the account holder's business (unknown emails are noise).
    if (user) await auditSignIn("auth.signInFailed", user.id, ip);
    if (lockouts.length > 0) await recordLockouts(lockouts, user?.id ?? null, email, ip);
    if (pair.blockedUntil && pair.blockedUntil > now()) return locked(pair.blockedUntil);
    if (address?.blockedUntil && address.blockedUntil > now()) return locked(address.blockedUntil);
    if (backoff?.allowed && backoff.delayedUntil) return slowedDown(backoff.delayedUntil);
    return { ok: false, message: WRONG_CREDENTIALS };
  }

  await resetLimit(pairKey);
  if (ipKey) await forgive(ipKey, IP_LIMIT);
  if (backoff) await forgiveBackoff(accountKey(email), backoff);
  await db.$transaction(async (tx) => {
    await rememberAddress(user.id, ip, tx);
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now() } });
    await recordAudit(tx, {
      actorId: user.id,
      action: "auth.signIn",
      entityType: "User",
      entityId: user.id,
      ip,
    });
  });
  return {
    ok: true,
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      sessionVersion: user.sessionVersion,
    },
  };
}

function auditSignIn(action: "auth.signInFailed", userId: string, ip: string | null): Promise<void> {
  return db.$transaction((tx) =>
    recordAudit(tx, { actorId: null, action, entityType: "User", entityId: userId, ip }),
  );
}

interface Lockout {
  scope: "account-address" | "address" | "account";
  until: Date;
  failures: number;
}

/** The locks and delays this failed attempt started. */
function newLockouts(
  pair: { hits: number; blockedUntil: Date | null },
  address: { hits: number; blockedUntil: Date | null } | null,
  backoff: BackoffClaim | null,
): Lockout[] {
  const lockouts: Lockout[] = [];
  if (pair.hits === ACCOUNT_ADDRESS_LIMIT.limit && pair.blockedUntil) {
    lockouts.push({ scope: "account-address", until: pair.blockedUntil, failures: pair.hits });
  }
  if (address && address.hits === IP_LIMIT.limit && address.blockedUntil) {
    lockouts.push({ scope: "address", until: address.blockedUntil, failures: address.hits });
  }
  if (backoff?.allowed && backoff.delayedUntil) {
    lockouts.push({ scope: "account", until: backoff.delayedUntil, failures: backoff.failures });
  }
  return lockouts;
}

/**
 * Audits each lockout (those of an unknown email only when they block an address, as there is
 * no account to file them under) and mails a staff member whose account was locked an unlock link.
 */
async function recordLockouts(lockouts: Lockout[], userId: string | null, email: string, ip: string | null) {
  await db.$transaction(async (tx) => {
    for (const lockout of lockouts) {
      const onAccount = lockout.scope !== "address";
      if (onAccount && !userId) continue;
      await recordAudit(tx, {
        actorId: null,
        action: "auth.lockout",
        entityType: onAccount ? "User" : "ClientAddress",
        entityId: onAccount ? userId! : (ip ?? "unknown"),
        after: { scope: lockout.scope, until: lockout.until.toISOString(), failures: lockout.failures },
        ip,
      });
    }
  });
  if (userId && lockouts.some((lockout) => lockout.scope !== "address")) {
    mailUnlockLinkInBackground(userId, email);
  }
}
