// Staff users for tests, written straight to this file's database.
import { randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/platform/auth/password";
import { openSession } from "@/lib/platform/auth/sessions";
import { db } from "@/lib/platform/db";
import type { Role } from "@/lib/generated/prisma/enums";
import type { CurrentUser } from "@/lib/platform/session";

let cachedHash: Promise<string> | undefined;
export const TEST_PASSWORD = "a test password that is long enough";

export async function createTestUser(
  role: Role,
  overrides: { active?: boolean; email?: string } = {},
): Promise<CurrentUser & { sessionVersion: number; sessionId: string }> {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const user = await db.user.create({
    data: {
      email: overrides.email ?? `${role.toLowerCase()}-${randomBytes(4).toString("hex")}@crosscurrent.test`,
      name: `Test ${role.toLowerCase()}`,
      role,
      active: overrides.active ?? true,
      passwordHash: await cachedHash,
    },
  });
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    mustChangePassword: user.mustChangePassword,
    sessionVersion: user.sessionVersion,
    // A signed-in browser of this user, as next-auth's sign-in would open it.
    sessionId: await openSession(user.id),
  };
}
