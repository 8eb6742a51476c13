// Every request re-reads its user through userForSession, so an admin's change to an account
// (deactivation, role, password reset) or "sign out everywhere" takes effect on the next request.
// Also: the last active admin stays, and every change leaves an audit row without secrets.
import { afterEach, describe, expect, it } from "vitest";
import { createUser as createUserAction } from "@/app/(admin)/admin/users/actions";
import { ActionFailure } from "@/lib/platform/actions/result";
import { runAction, type ActionContext } from "@/lib/platform/actions/run-action";
import { signInWithPassword, WRONG_CREDENTIALS } from "@/lib/platform/auth/sign-in";
import { resetClock } from "@/lib/platform/clock";
import { db } from "@/lib/platform/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { userForSession, type CurrentUser } from "@/lib/platform/session";
import {
  changeUserRole,
  createUser,
  resetUserPassword,
  setUserActive,
  signOutEverywhere,
} from "@/lib/users/manage-users";
import { CreateUserSchema } from "@/lib/users/schema";
import { createTestUser, TEST_PASSWORD } from "../support/users";

const IP = "203.0.113.7";
const LAST_ADMIN = "This is the last active admin: make another admin first.";

afterEach(() => resetClock());

function as(actor: CurrentUser): ActionContext {
  return { actor, ip: IP };
}

/** What userForSession returns for a valid session of `user` with `role`. */
function sessionUser(user: CurrentUser, role: Role = user.role): CurrentUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role,
    mustChangePassword: user.mustChangePassword,
  };
}

async function userRow(id: string) {
  return db.user.findUniqueOrThrow({ where: { id }, omit: { passwordHash: false } });
}

/** What staff did to a user's account (sign-ins are audited too, but are the user's own). */
async function auditRowsFor(entityId: string) {
  return db.auditLog.findMany({
    where: { entityId, action: { startsWith: "user." } },
    orderBy: { createdAt: "asc" },
  });
}

async function activeAdminIds(): Promise<string[]> {
  const admins = await db.user.findMany({ where: { role: "ADMIN", active: true }, select: { id: true } });
  return admins.map((admin) => admin.id).sort();
}

/** Deactivates every admin other tests left behind, then makes `count` fresh active ones. */
async function onlyActiveAdmins(count: number) {
  await db.user.updateMany({ where: { role: "ADMIN" }, data: { active: false } });
  const admins = [];
  for (let i = 0; i < count; i += 1) admins.push(await createTestUser("ADMIN"));
  expect(await activeAdminIds()).toEqual(admins.map((admin) => admin.id).sort());
  return admins;
}

/** Resolves to the ActionFailure `promise` rejects with (and fails the test if it does not). */
async function failureOf(promise: Promise<unknown>): Promise<ActionFailure> {
  const error = await promise.then(
    () => expect.fail("expected an ActionFailure"),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ActionFailure);
  return error as ActionFailure;
}

/** Every key anywhere inside `value`. */
function allKeys(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(allKeys);
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, inner]) => [key, ...allKeys(inner)]);
  }
  return [];
}

describe("a session follows its user's account", () => {
  it("ends at once when the user is deactivated, and old tokens stay dead after reactivation", async () => {
    const admin = await createTestUser("ADMIN");
    const editor = await createTestUser("EDITOR");
    const token = editor.sessionVersion;
    expect(await userForSession(editor.id, token, editor.sessionId)).toEqual(sessionUser(editor));

    await setUserActive({ userId: editor.id, active: false }, as(admin));
    expect(await userForSession(editor.id, token, editor.sessionId)).toBeNull();
    expect(await userForSession(editor.id, token + 1, editor.sessionId)).toBeNull(); // inactive: no version works

    await setUserActive({ userId: editor.id, active: true }, as(admin));
    expect(await userForSession(editor.id, token, editor.sessionId)).toBeNull();
    // Only a new sign-in, which carries the bumped version, gets back in.
    const signIn = await signInWithPassword({ email: editor.email, password: TEST_PASSWORD }, IP);
    expect(signIn.ok && signIn.user.sessionVersion).toBe(token + 1);
    expect(await userForSession(editor.id, token + 1, editor.sessionId)).toEqual(sessionUser(editor));

    const audits = await auditRowsFor(editor.id);
    expect(audits.map((row) => [row.action, row.actorId]).sort()).toEqual([
      ["user.deactivate", admin.id],
      ["user.reactivate", admin.id],
    ]);
  });

  it("carries a role change into the next request, permissions included", async () => {
    const admin = await createTestUser("ADMIN");
    const demoted = await createTestUser("ADMIN");
    const before = await userForSession(demoted.id, demoted.sessionVersion, demoted.sessionId);
    expect(before).toEqual(sessionUser(demoted, "ADMIN"));
    // As an admin the action is allowed, so an empty input gets as far as validation.
    expect(await runAction(createUserAction.definition, before, {})).toMatchObject({
      ok: false,
      code: "INVALID",
    });

    await changeUserRole({ userId: demoted.id, role: "WRITER" }, as(admin));

    const after = await userForSession(demoted.id, demoted.sessionVersion, demoted.sessionId);
    expect(after).toEqual(sessionUser(demoted, "WRITER"));
    expect(await runAction(createUserAction.definition, after, {})).toEqual({
      ok: false,
      code: "FORBIDDEN",
      message: "Your role does not allow this.",
    });
    const [audit] = await auditRowsFor(demoted.id);
    expect(audit).toMatchObject({
      action: "user.changeRole",
      actorId: admin.id,
      before: { role: "ADMIN" },
      after: { role: "WRITER" },
    });
  });

  it("ends every session when an admin resets the password", async () => {
    const admin = await createTestUser("ADMIN");
    const writer = await createTestUser("WRITER");

    const { oneTimePassword } = await resetUserPassword({ userId: writer.id }, as(admin));

    expect(await userForSession(writer.id, writer.sessionVersion, writer.sessionId)).toBeNull();
    expect(await userForSession(writer.id, writer.sessionVersion + 1, writer.sessionId)).toEqual({
      ...sessionUser(writer),
      mustChangePassword: true,
    });
    const oldPassword = await signInWithPassword({ email: writer.email, password: TEST_PASSWORD }, IP);
    expect(oldPassword).toEqual({ ok: false, message: WRONG_CREDENTIALS });
    const newPassword = await signInWithPassword({ email: writer.email, password: oneTimePassword }, IP);
    expect(newPassword.ok).toBe(true);
  });

  it("ends the actor's own sessions on sign-out-everywhere, and nobody else's", async () => {
    const editor = await createTestUser("EDITOR");
    const bystander = await createTestUser("EDITOR");

    await signOutEverywhere(as(editor));

    expect(await userForSession(editor.id, editor.sessionVersion, editor.sessionId)).toBeNull();
    expect(await userForSession(editor.id, editor.sessionVersion + 1, editor.sessionId)).toEqual(
      sessionUser(editor),
    );
    expect(await userForSession(bystander.id, bystander.sessionVersion, bystander.sessionId)).toEqual(
      sessionUser(bystander),
    );
    expect(await auditRowsFor(editor.id)).toMatchObject([
      { action: "user.signOutEverywhere", actorId: editor.id, entityType: "User", ip: IP },
    ]);
  });

  it("resolves no user for a deleted account or a token without its claims", async () => {
    const gone = await createTestUser("EDITOR");
    expect(await userForSession(gone.id, gone.sessionVersion, gone.sessionId)).not.toBeNull();
    await db.user.delete({ where: { id: gone.id } });

    expect(await userForSession(gone.id, gone.sessionVersion, gone.sessionId)).toBeNull();
    const other = await createTestUser("EDITOR");
    expect(await userForSession("nonexistent", 1, other.sessionId)).toBeNull();
    expect(await userForSession(undefined, undefined, undefined)).toBeNull();
    expect(await userForSession(gone.id, undefined, gone.sessionId)).toBeNull();
    expect(await userForSession(undefined, 1, other.sessionId)).toBeNull();
    expect(await userForSession("", 1, other.sessionId)).toBeNull();
    // A token from before sessions had ids, or carrying another user's session, counts for nothing.
    expect(await userForSession(other.id, other.sessionVersion, undefined)).toBeNull();
    expect(await userForSession(other.id, other.sessionVersion, "")).toBeNull();
    const third = await createTestUser("EDITOR");
    expect(await userForSession(other.id, other.sessionVersion, third.sessionId)).toBeNull();
    expect(await userForSession(other.id, other.sessionVersion, other.sessionId)).not.toBeNull();
  });
});

describe("the last active admin", () => {
  it("cannot be demoted: CONFLICT, row untouched, no audit row", async () => {
    const [admin] = await onlyActiveAdmins(1);
    const inactiveAdmin = await createTestUser("ADMIN", { active: false }); // does not count
    const rowBefore = await userRow(admin!.id);
    const auditsBefore = await db.auditLog.count();

    for (const role of ["EDITOR", "WRITER"] as const) {
      const failure = await failureOf(changeUserRole({ userId: admin!.id, role }, as(admin!)));
      expect({ code: failure.code, message: failure.message }).toEqual({
        code: "CONFLICT",
        message: LAST_ADMIN,
      });
    }

    expect(await userRow(admin!.id)).toEqual(rowBefore);
    expect(await db.auditLog.count()).toBe(auditsBefore);
    expect(await userForSession(admin!.id, admin!.sessionVersion, admin!.sessionId)).toEqual(
      sessionUser(admin!),
    );
    expect((await userRow(inactiveAdmin.id)).active).toBe(false);
  });

  it("cannot be deactivated: CONFLICT, row untouched, no audit row", async () => {
    const [admin] = await onlyActiveAdmins(1);
    const rowBefore = await userRow(admin!.id);
    const auditsBefore = await db.auditLog.count();

    const failure = await failureOf(setUserActive({ userId: admin!.id, active: false }, as(admin!)));
    expect({ code: failure.code, message: failure.message }).toEqual({
      code: "CONFLICT",
      message: LAST_ADMIN,
    });

    expect(await userRow(admin!.id)).toEqual(rowBefore);
    expect(await db.auditLog.count()).toBe(auditsBefore);
    expect(await userForSession(admin!.id, admin!.sessionVersion, admin!.sessionId)).toEqual(
      sessionUser(admin!),
    );
  });

  it("can be demoted once another admin is active", async () => {
    const [first, second] = await onlyActiveAdmins(2);
    await changeUserRole({ userId: first!.id, role: "EDITOR" }, as(second!));
    expect(await activeAdminIds()).toEqual([second!.id]);
  });

  it("survives two admins deactivating each other at the same moment", async () => {
    for (let round = 0; round < 5; round += 1) {
      const [a, b] = await onlyActiveAdmins(2);
      const results = await Promise.allSettled([
        setUserActive({ userId: a!.id, active: false }, as(b!)),
        setUserActive({ userId: b!.id, active: false }, as(a!)),
      ]);

      expect(results.map((result) => result.status).sort(), `round ${round}`).toEqual([
        "fulfilled",
        "rejected",
      ]);
      const rejected = results.find((result) => result.status === "rejected")!;
      expect(rejected.reason).toBeInstanceOf(ActionFailure);
      expect((rejected.reason as ActionFailure).code).toBe("CONFLICT");
      const survivors = await activeAdminIds();
      expect(survivors).toHaveLength(1);
      expect([a!.id, b!.id]).toContain(survivors[0]);
      const deactivations = await db.auditLog.count({
        where: { action: "user.deactivate", entityId: { in: [a!.id, b!.id] } },
      });
      expect(deactivations, `round ${round}`).toBe(1);
    }
  });

  it("survives a demotion and a deactivation racing each other", async () => {
    for (let round = 0; round < 5; round += 1) {
      const [a, b] = await onlyActiveAdmins(2);
      const results = await Promise.allSettled([
        changeUserRole({ userId: a!.id, role: "EDITOR" }, as(b!)),
        setUserActive({ userId: b!.id, active: false }, as(a!)),
      ]);

      expect(results.map((result) => result.status).sort(), `round ${round}`).toEqual([
        "fulfilled",
        "rejected",
      ]);
      expect(await activeAdminIds()).toHaveLength(1);
    }
  });
});

describe("audit rows", () => {
  it("records a created user with its email and no secret", async () => {
    const admin = await createTestUser("ADMIN");
    const email = "new.reporter@crosscurrent.test";

    const { user, oneTimePassword } = await createUser(
      { email, name: "New Reporter", role: "WRITER" },
      as(admin),
    );

    const rows = await auditRowsFor(user.id);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row).toMatchObject({
      actorId: admin.id,
      action: "user.create",
      entityType: "User",
      entityId: user.id,
      before: null,
      ip: IP,
    });
    expect(row!.after).toEqual({ id: user.id, email, name: "New Reporter", role: "WRITER", active: true });
    expect(allKeys(row).filter((key) => /password|hash/i.test(key))).toEqual([]);
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(oneTimePassword);
    expect(stored).not.toContain((await userRow(user.id)).passwordHash);
    // The new account must choose its own password at first sign-in.
    expect((await userRow(user.id)).mustChangePassword).toBe(true);
  });

  it("records a password reset without the password", async () => {
    const admin = await createTestUser("ADMIN");
    const editor = await createTestUser("EDITOR");

    const { oneTimePassword } = await resetUserPassword({ userId: editor.id }, as(admin));

    const rows = await auditRowsFor(editor.id);
    expect(rows).toMatchObject([
      { actorId: admin.id, action: "user.resetPassword", entityType: "User", entityId: editor.id, ip: IP },
    ]);
    expect(allKeys(rows).filter((key) => /password|hash/i.test(key))).toEqual([]);
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(oneTimePassword);
    expect(stored).not.toContain((await userRow(editor.id)).passwordHash);
  });

  it("refuses a duplicate email with CONFLICT on the email field, writing nothing", async () => {
    const admin = await createTestUser("ADMIN");
    const existing = await createTestUser("EDITOR", { email: "taken@crosscurrent.test" });
    const usersBefore = await db.user.count();
    const auditsBefore = await db.auditLog.count();
    const duplicate = CreateUserSchema.parse({
      email: "  TAKEN@CrossCurrent.test ",
      name: "Twin",
      role: "ADMIN",
    });

    const failure = await failureOf(createUser(duplicate, as(admin)));
    expect({ code: failure.code, fieldErrors: failure.fieldErrors }).toEqual({
      code: "CONFLICT",
      fieldErrors: { email: ["A user with this email already exists."] },
    });
    // The same through the action: the handler fails before it would revalidate anything.
    expect(await runAction(createUserAction.definition, admin, duplicate, IP)).toEqual({
      ok: false,
      code: "CONFLICT",
      message: "A user with this email already exists.",
      fieldErrors: { email: ["A user with this email already exists."] },
    });

    expect(await db.user.count()).toBe(usersBefore);
    expect(await db.auditLog.count()).toBe(auditsBefore);
    expect(await userRow(existing.id)).toMatchObject({ name: existing.name, role: "EDITOR" });
  });
});
