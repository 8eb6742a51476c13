// Server-side records of signed-in sessions. The signed token carries a session id; a request
// counts only while that session's row exists, is not revoked, has been used within the idle
// limit and is younger than the absolute limit. Signing out revokes the one row, so the user's
// other browsers stay signed in; "sign out everywhere" still works through the session version.
import { randomBytes } from "node:crypto";
import { now } from "@/lib/platform/clock";
import { db } from "@/lib/platform/db";

/** A session unused for this long ends; using it moves the limit forward (sliding renewal). */
export const SESSION_IDLE_LIMIT_MS = 2 * 60 * 60_000;
/** No session lives longer than this, however busy. */
export const SESSION_ABSOLUTE_LIMIT_MS = 12 * 60 * 60_000;
/** Renewal writes at most this often per session, not on every request. */
const RENEW_EVERY_MS = 60_000;

/** Opens a session for `userId` and returns its id (unguessable, for the signed token). */
export async function openSession(userId: string): Promise<string> {
  const at = now();
  await deleteEndedSessions(at);
  const id = randomBytes(32).toString("base64url");
  await db.session.create({
    data: {
      id,
      userId,
      createdAt: at,
      lastSeenAt: at,
      expiresAt: new Date(at.getTime() + SESSION_ABSOLUTE_LIMIT_MS),
    },
  });
  return id;
}

/** Signing out: the session's token is refused from the next request on. */
export async function revokeSession(sessionId: string): Promise<void> {
  await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now() } });
}

/**
 * Whether `sessionId` is a live session of `userId`, renewing it when it is. Callers check the
 * user's own state (active, session version) themselves.
 */
export async function isLiveSession(sessionId: string, userId: string): Promise<boolean> {
  const session = await db.session.findUnique({
    where: { id: sessionId },
    select: { userId: true, lastSeenAt: true, expiresAt: true, revokedAt: true },
  });
  const at = now();
  if (!session || session.userId !== userId || session.revokedAt) return false;
  if (at >= session.expiresAt) return false;
  if (at.getTime() >= session.lastSeenAt.getTime() + SESSION_IDLE_LIMIT_MS) return false;
  if (at.getTime() - session.lastSeenAt.getTime() >= RENEW_EVERY_MS) {
    await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { lastSeenAt: at } });
  }
  return true;
}

/** Deletes sessions past their absolute or idle limit: they can never count again. */
export async function deleteEndedSessions(at: Date = now()): Promise<number> {
  const { count } = await db.session.deleteMany({
    where: {
      OR: [
        { expiresAt: { lte: at } },
        { lastSeenAt: { lte: new Date(at.getTime() - SESSION_IDLE_LIMIT_MS) } },
      ],
    },
  });
  return count;
}
