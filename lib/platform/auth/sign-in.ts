// Checking a staff member's email and password, with lockout after repeated failures per
// account and per IP. Messages never reveal whether the email exists.
import { z } from "zod";
import { now } from "@/lib/platform/clock";
import { db } from "@/lib/platform/db";
import { blockedUntil, forgive, hit, resetLimit, type LimitRule } from "@/lib/platform/rate-limit";
import { hashPassword, verifyPassword } from "./password";

export const ACCOUNT_LIMIT: LimitRule = { limit: 10, windowMs: 15 * 60_000, blockMs: 15 * 60_000 };
export const IP_LIMIT: LimitRule = { limit: 50, windowMs: 15 * 60_000, blockMs: 15 * 60_000 };

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

function minutesUntil(time: Date): number {
  return Math.max(1, Math.ceil((time.getTime() - now().getTime()) / 60_000));
}

function locked(until: Date): SignInResult {
  return { ok: false, message: `Too many failed sign-ins. Try again in ${minutesUntil(until)} minute(s).` };
}

export async function signInWithPassword(input: unknown, ip: string | null): Promise<SignInResult> {
  const parsed = CredentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: WRONG_CREDENTIALS };
  const { email, password } = parsed.data;
  const accountKey = `login:account:${email}`;
  const ipKey = ip ? `login:ip:${ip}` : null;

  const lockedUntil = (await blockedUntil(accountKey)) ?? (ipKey ? await blockedUntil(ipKey) : null);
  if (lockedUntil) return locked(lockedUntil);

  // Count the attempt before checking the password, so parallel guesses cannot all slip
  // past the lock; a successful attempt is taken back below.
  const account = await hit(accountKey, ACCOUNT_LIMIT);
  const address = ipKey ? await hit(ipKey, IP_LIMIT) : null;
  if (account.hits > ACCOUNT_LIMIT.limit && account.blockedUntil) return locked(account.blockedUntil);
  if (address && address.hits > IP_LIMIT.limit && address.blockedUntil) return locked(address.blockedUntil);

  const user = await db.user.findUnique({ where: { email }, omit: { passwordHash: false } });
  dummyHash ??= hashPassword("not a real password, only for timing");
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);

  if (!user || !valid || !user.active) {
    if (account.blockedUntil && account.blockedUntil > now()) return locked(account.blockedUntil);
    return { ok: false, message: WRONG_CREDENTIALS };
  }

  await resetLimit(accountKey);
  if (ipKey) await forgive(ipKey, IP_LIMIT);
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: now() } });
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
