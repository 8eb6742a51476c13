// Staff accounts: every change runs in a transaction with its audit entry. The last active
// admin can be neither demoted nor deactivated.
import type { z } from "zod";
import { ActionFailure } from "@/lib/platform/actions/result";
import type { ActionContext } from "@/lib/platform/actions/run-action";
import { recordAudit } from "@/lib/platform/audit/record";
import { generatePassword, hashPassword, verifyPassword } from "@/lib/platform/auth/password";
import { db, type DbTransaction } from "@/lib/platform/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import type {
  ChangeOwnPasswordSchema,
  ChangeRoleSchema,
  CreateUserSchema,
  ResetPasswordSchema,
  SetActiveSchema,
} from "@/lib/users/schema";

const userSnapshot = { id: true, email: true, name: true, role: true, active: true } as const;

async function findUser(tx: DbTransaction, userId: string) {
  const user = await tx.user.findUnique({ where: { id: userId }, select: userSnapshot });
  if (!user) throw new ActionFailure("NOT_FOUND", "That user no longer exists.");
  return user;
}

/** Serializes changes to the set of admins, then refuses to leave none active. */
async function assertAnotherActiveAdmin(tx: DbTransaction, userId: string) {
  await tx.$executeRaw`select pg_advisory_xact_lock(hashtext('crosscurrent:active-admins'))`;
  const others = await tx.user.count({ where: { role: "ADMIN", active: true, id: { not: userId } } });
  if (others === 0) {
    throw new ActionFailure("CONFLICT", "This is the last active admin: make another admin first.");
  }
}

export async function createUser(input: z.output<typeof CreateUserSchema>, { actor, ip }: ActionContext) {
  const oneTimePassword = generatePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  try {
    const user = await db.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: { ...input, passwordHash, mustChangePassword: true },
        select: userSnapshot,
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "user.create",
        entityType: "User",
        entityId: created.id,
        after: created,
        ip,
      });
      return created;
    });
    return { user, oneTimePassword };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ActionFailure("CONFLICT", "A user with this email already exists.", {
        email: ["A user with this email already exists."],
      });
    }
    throw error;
  }
}

export async function changeUserRole(input: z.output<typeof ChangeRoleSchema>, { actor, ip }: ActionContext) {
  return db.$transaction(async (tx) => {
    const before = await findUser(tx, input.userId);
    if (before.role === input.role) return before;
    if (before.role === "ADMIN" && before.active) await assertAnotherActiveAdmin(tx, before.id);
    const after = await tx.user.update({
      where: { id: before.id },
      data: { role: input.role as Role },
      select: userSnapshot,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.changeRole",
      entityType: "User",
      entityId: before.id,
      before,
      after,
      ip,
    });
    return after;
  });
}

export async function setUserActive(input: z.output<typeof SetActiveSchema>, { actor, ip }: ActionContext) {
  return db.$transaction(async (tx) => {
    const before = await findUser(tx, input.userId);
    if (before.active === input.active) return before;
    if (!input.active && before.role === "ADMIN") await assertAnotherActiveAdmin(tx, before.id);
    const after = await tx.user.update({
      where: { id: before.id },
      // Deactivating ends every session at once.
      data: { active: input.active, sessionVersion: { increment: input.active ? 0 : 1 } },
      select: userSnapshot,
    });
    const action = input.active ? "user.reactivate" : "user.deactivate";
    await recordAudit(tx, {
      actorId: actor.id,
      action,
      entityType: "User",
      entityId: before.id,
      before,
      after,
      ip,
    });
    return after;
  });
}

export async function resetUserPassword(
  input: z.output<typeof ResetPasswordSchema>,
  { actor, ip }: ActionContext,
) {
  const oneTimePassword = generatePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  const user = await db.$transaction(async (tx) => {
    const target = await findUser(tx, input.userId);
    await tx.user.update({
      where: { id: target.id },
      data: { passwordHash, mustChangePassword: true, sessionVersion: { increment: 1 } },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.resetPassword",
      entityType: "User",
      entityId: target.id,
      ip,
    });
    return target;
  });
  return { user, oneTimePassword };
}

export async function changeOwnPassword(
  input: z.output<typeof ChangeOwnPasswordSchema>,
  { actor, ip }: ActionContext,
) {
  const current = await db.user.findUnique({ where: { id: actor.id }, omit: { passwordHash: false } });
  if (!current || !(await verifyPassword(current.passwordHash, input.currentPassword))) {
    throw new ActionFailure("INVALID", "Your current password is not right.", {
      currentPassword: ["Your current password is not right."],
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash, mustChangePassword: false } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.changeOwnPassword",
      entityType: "User",
      entityId: actor.id,
      ip,
    });
  });
}

export async function signOutEverywhere({ actor, ip }: ActionContext) {
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { sessionVersion: { increment: 1 } } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.signOutEverywhere",
      entityType: "User",
      entityId: actor.id,
      ip,
    });
  });
}
