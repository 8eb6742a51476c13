// What sign-in throttling counts against: the account, the account from one client address,
// and the addresses an account is known to sign in from.
import { now } from "@/lib/platform/clock";
import { db, type DbTransaction } from "@/lib/platform/db";

/** An address not used to sign in for this long is a stranger again. */
export const KNOWN_ADDRESS_TTL_MS = 90 * 24 * 60 * 60_000;

/** The account's growing delay for failures from unknown addresses. */
export function accountKey(email: string): string {
  return `login:account:${email}`;
}

const ACCOUNT_ADDRESS_PREFIX = "login:account-address:";

/** Every lock of `email` from any one address starts with this. */
export function accountAddressPrefix(email: string): string {
  return `${ACCOUNT_ADDRESS_PREFIX}${email}|`;
}

/** The lock on `email` from one client address (a request without one counts as one address). */
export function accountAddressKey(email: string, ip: string | null): string {
  return `${accountAddressPrefix(email)}${ip ?? "unknown"}`;
}

export async function isKnownAddress(userId: string, ip: string | null): Promise<boolean> {
  if (!ip) return false;
  const known = await db.knownLoginAddress.findUnique({
    where: { userId_address: { userId, address: ip } },
    select: { lastSignedInAt: true },
  });
  return Boolean(known && known.lastSignedInAt.getTime() > now().getTime() - KNOWN_ADDRESS_TTL_MS);
}

/** Records that `userId` proved who they are from `ip`; forgets their addresses gone stale. */
export async function rememberAddress(
  userId: string,
  ip: string | null,
  client: DbTransaction,
): Promise<void> {
  if (!ip) return;
  const at = now();
  await client.knownLoginAddress.upsert({
    where: { userId_address: { userId, address: ip } },
    create: { userId, address: ip, lastSignedInAt: at },
    update: { lastSignedInAt: at },
  });
  await client.knownLoginAddress.deleteMany({
    where: { userId, lastSignedInAt: { lte: new Date(at.getTime() - KNOWN_ADDRESS_TTL_MS) } },
  });
}
