import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { authOptions } from "@/lib/platform/auth/options";
import { isLiveSession } from "@/lib/platform/auth/sessions";
import { db } from "@/lib/platform/db";
import type { Role } from "@/lib/generated/prisma/enums";

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  mustChangePassword: boolean;
}

/**
 * The signed-in staff member, re-read from the database on every request: a deactivated user,
 * a changed role, a bumped session version or a signed-out, idle or too old session takes
 * effect at once, not when the token expires.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = (await getServerSession(authOptions)) as {
    userId?: string;
    sessionVersion?: number;
    sessionId?: string;
  } | null;
  return session ? userForSession(session.userId, session.sessionVersion, session.sessionId) : null;
});

/** The user a session token's claims stand for, or null when the session no longer counts. */
export async function userForSession(
  userId: string | undefined,
  sessionVersion: number | undefined,
  sessionId: string | undefined,
): Promise<CurrentUser | null> {
  if (!userId || sessionVersion === undefined || !sessionId) return null;
  if (!(await isLiveSession(sessionId, userId))) return null;
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      active: true,
      sessionVersion: true,
      mustChangePassword: true,
    },
  });
  if (!user || !user.active || user.sessionVersion !== sessionVersion) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    mustChangePassword: user.mustChangePassword,
  };
}
