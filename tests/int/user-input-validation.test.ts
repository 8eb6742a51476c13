// Bad input to the staff-account actions, run the way a request runs them (permission, then
// validation, then the handler): refused as INVALID with an error on the offending field, and
// nothing written.
import { beforeAll, describe, expect, it } from "vitest";
import { changeOwnPassword } from "@/app/(admin)/admin/account/actions";
import {
  changeUserRole,
  createUser,
  resetUserPassword,
  setUserActive,
} from "@/app/(admin)/admin/users/actions";
import type { ActionResult } from "@/lib/platform/actions/result";
import { runAction, type ActionDefinition } from "@/lib/platform/actions/run-action";
import { db } from "@/lib/platform/db";
import type { CurrentUser } from "@/lib/platform/session";
import { createTestUser, TEST_PASSWORD } from "../support/users";

const IP = "203.0.113.9";
const ROLE_ERROR = "Choose a role: admin, editor or writer.";
const GOOD_PASSWORD = "a brand new password, long enough";

let admin: CurrentUser;
let target: CurrentUser;

beforeAll(async () => {
  admin = await createTestUser("ADMIN");
  target = await createTestUser("EDITOR");
});

/** Everything the actions could write: users (with their secrets) and audit rows. */
async function snapshot() {
  return {
    users: await db.user.findMany({ orderBy: { id: "asc" }, omit: { passwordHash: false } }),
    auditRows: await db.auditLog.count(),
  };
}

/**
 * Runs `definition` as `actor` with `input`, expects INVALID with errors on exactly `fields`, and
 * checks nothing was written. Returns the field errors for closer checks.
 */
async function expectRefused(
  definition: ActionDefinition,
  actor: CurrentUser,
  input: unknown,
  fields: string[],
): Promise<Record<string, string[]>> {
  const before = await snapshot();
  const result: ActionResult = await runAction(definition, actor, input, IP);

  expect(result).toMatchObject({ ok: false, code: "INVALID" });
  const fieldErrors = (result.ok ? {} : result.fieldErrors) ?? {};
  // The summary is the first field's own message, so a person sees what to fix.
  expect(result.ok ? "" : result.message).toBe(Object.values(fieldErrors)[0]?.[0]);
  expect(Object.keys(fieldErrors).sort()).toEqual([...fields].sort());
  for (const field of fields) expectReadable(fieldErrors[field]);

  const after = await snapshot();
  expect(after.auditRows, "no audit row").toBe(before.auditRows);
  expect(after.users, "no user created or changed").toEqual(before.users);
  return fieldErrors;
}

/** At least one message, each a sentence a person can read rather than an object dump. */
function expectReadable(messages: string[] | undefined) {
  expect(messages?.length).toBeGreaterThan(0);
  for (const message of messages!) {
    expect(message).toMatch(/^[A-Z][^\n]{5,200}$/);
    expect(message).not.toMatch(/\[object|ZodError|^\{/);
  }
}

describe("create user", () => {
  const valid = { email: "valid.person@crosscurrent.test", name: "Valid Person", role: "WRITER" };
  const run = (input: unknown, fields: string[]) =>
    expectRefused(createUser.definition, admin, input, fields);

  it("refuses an unknown role", async () => {
    expect(await run({ ...valid, role: "SUPERUSER" }, ["role"])).toEqual({ role: [ROLE_ERROR] });
    expect(await run({ ...valid, role: "admin" }, ["role"])).toEqual({ role: [ROLE_ERROR] });
  });

  it("refuses a 10,000-character name, and a blank one", async () => {
    expect(await run({ ...valid, name: "n".repeat(10_000) }, ["name"])).toEqual({
      name: ["Keep the name under 120 characters."],
    });
    expect(await run({ ...valid, name: "   " }, ["name"])).toEqual({ name: ["Enter a name."] });
  });

  it("refuses an invalid or oversized email", async () => {
    for (const email of [
      "not-an-email",
      "two@@crosscurrent.test",
      "spaces in@crosscurrent.test",
      "@crosscurrent.test",
    ]) {
      expect(await run({ ...valid, email }, ["email"]), email).toEqual({
        email: ["Enter a valid email address."],
      });
    }
    const long = `${"a".repeat(300)}@crosscurrent.test`;
    expect((await run({ ...valid, email: long }, ["email"])).email).toContain("Email is too long.");
  });

  it("refuses missing fields, naming each", async () => {
    await run({}, ["email", "name", "role"]);
    await run({ email: valid.email }, ["name", "role"]);
    expect(await run({ email: valid.email, name: valid.name }, ["role"])).toEqual({ role: [ROLE_ERROR] });
  });

  it("refuses arrays and objects in place of strings", async () => {
    await run({ ...valid, email: [valid.email] }, ["email"]);
    await run({ ...valid, name: { first: "Valid" } }, ["name"]);
    await run({ ...valid, role: ["WRITER"] }, ["role"]);
    await run({ email: { $gt: "" }, name: ["a", "b"], role: { toString: "ADMIN" } }, [
      "email",
      "name",
      "role",
    ]);
  });

  it("refuses an input that is not an object at all", async () => {
    for (const input of [null, "valid.person@crosscurrent.test", 42, [valid]]) {
      const before = await snapshot();
      expect(await runAction(createUser.definition, admin, input, IP)).toMatchObject({
        ok: false,
        code: "INVALID",
      });
      expect(await snapshot()).toEqual(before);
    }
  });
});

describe("change role", () => {
  const run = (input: unknown, fields: string[]) =>
    expectRefused(changeUserRole.definition, admin, input, fields);

  it("refuses an unknown role and leaves the user's role alone", async () => {
    expect(await run({ userId: target.id, role: "SUPERUSER" }, ["role"])).toEqual({ role: [ROLE_ERROR] });
    expect(await run({ userId: target.id, role: { ADMIN: true } }, ["role"])).toEqual({ role: [ROLE_ERROR] });
  });

  it("refuses a missing, blank or non-string user id", async () => {
    await run({ role: "WRITER" }, ["userId"]);
    expect(await run({ userId: "  ", role: "WRITER" }, ["userId"])).toEqual({ userId: ["Missing user id."] });
    await run({ userId: [target.id], role: "WRITER" }, ["userId"]);
    await run({ userId: "x".repeat(10_000), role: "WRITER" }, ["userId"]);
  });
});

describe("set active", () => {
  const run = (input: unknown, fields: string[]) =>
    expectRefused(setUserActive.definition, admin, input, fields);

  it('refuses active: "maybe" and anything else but "true" or "false"', async () => {
    await run({ userId: target.id, active: "maybe" }, ["active"]);
    await run({ userId: target.id, active: ["false"] }, ["active"]);
    await run({ userId: target.id }, ["active"]);
  });

  it("refuses a missing user id", async () => {
    await run({ active: "false" }, ["userId"]);
  });
});

describe("reset password", () => {
  const run = (input: unknown, fields: string[]) =>
    expectRefused(resetUserPassword.definition, admin, input, fields);

  it("refuses a missing or non-string user id, keeping the password", async () => {
    await run({}, ["userId"]);
    await run({ userId: { id: target.id } }, ["userId"]);
    await run({ userId: [target.id] }, ["userId"]);
  });
});

describe("change own password", () => {
  let writer: CurrentUser;
  beforeAll(async () => {
    writer = await createTestUser("WRITER");
  });
  const run = (input: unknown, fields: string[]) =>
    expectRefused(changeOwnPassword.definition, writer, input, fields);

  it("refuses a confirmation that differs, on the confirmation field", async () => {
    const input = {
      currentPassword: TEST_PASSWORD,
      newPassword: GOOD_PASSWORD,
      confirmPassword: `${GOOD_PASSWORD}!`,
    };
    expect(await run(input, ["confirmPassword"])).toEqual({
      confirmPassword: ["The two new passwords differ."],
    });
  });

  it("refuses a new password that is too short or too long, on the new-password field", async () => {
    const short = "elevenchars";
    expect(
      await run({ currentPassword: TEST_PASSWORD, newPassword: short, confirmPassword: short }, [
        "newPassword",
      ]),
    ).toEqual({
      newPassword: ["Use at least 12 characters."],
    });
    const long = "L".repeat(257);
    expect(
      await run({ currentPassword: TEST_PASSWORD, newPassword: long, confirmPassword: long }, [
        "newPassword",
      ]),
    ).toEqual({
      newPassword: ["Keep the password under 256 characters."],
    });
  });

  it("refuses a missing current password", async () => {
    expect(
      await run({ currentPassword: "", newPassword: GOOD_PASSWORD, confirmPassword: GOOD_PASSWORD }, [
        "currentPassword",
      ]),
    ).toEqual({ currentPassword: ["Enter your current password."] });
  });
});
