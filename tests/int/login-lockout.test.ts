// Password sign-in against a real database, driven by the one clock: an account is locked only
// together with the address the failures come from; failures from strange addresses slow the
// account down with a growing delay that never holds up the owner at an address they signed in
// from before; every lockout is audited; answers never reveal whether an email exists.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  ACCOUNT_ADDRESS_LIMIT,
  ACCOUNT_BACKOFF,
  IP_LIMIT,
  signInWithPassword,
  WRONG_CREDENTIALS,
} from "@/lib/platform/auth/sign-in";
import { advanceClock, now, resetClock, setClock } from "@/lib/platform/clock";
import { db } from "@/lib/platform/db";
import { createTestUser, TEST_PASSWORD } from "../support/users";

const START = new Date("2031-03-01T09:00:00.000Z");
const FIFTEEN_MINUTES = 15 * 60_000;
const WRONG_PASSWORD = "definitely not the password";

const REFUSED = { ok: false, message: WRONG_CREDENTIALS } as const;

function lockedFor(minutes: number) {
  return { ok: false, message: `Too many failed sign-ins. Try again in ${minutes} minute(s).` } as const;
}

function waitSeconds(seconds: number) {
  return {
    ok: false,
    message: `Too many failed sign-ins for this account. Try again in ${seconds} second(s).`,
  } as const;
}

let ipCounter = 0;
/** A fresh address per call, so one test's failures never count against another's IP. */
function freshIp(): string {
  ipCounter += 1;
  return `198.51.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`;
}

let emailCounter = 0;
function unknownEmail(): string {
  emailCounter += 1;
  return `nobody-${emailCounter}@crosscurrent.test`;
}

function signIn(email: unknown, password: unknown, ip: string | null) {
  return signInWithPassword({ email, password }, ip);
}

/** `count` wrong-password attempts; returns every answer. */
async function failTimes(count: number, email: string, ip: string | null) {
  const answers = [];
  for (let i = 0; i < count; i += 1) answers.push(await signIn(email, WRONG_PASSWORD, ip));
  return answers;
}

/** A user who has signed in once from a known address (their usual desk). */
async function userAtDesk(role: "ADMIN" | "EDITOR" | "WRITER" = "EDITOR") {
  const user = await createTestUser(role);
  const desk = freshIp();
  expect((await signIn(user.email, TEST_PASSWORD, desk)).ok).toBe(true);
  return { user, desk };
}

async function lastLoginAt(userId: string): Promise<Date | null> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { lastLoginAt: true } });
  return user.lastLoginAt;
}

async function lockoutAudits(entityId: string) {
  const rows = await db.auditLog.findMany({
    where: { action: "auth.lockout", entityId },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((row) => ({ entityType: row.entityType, ip: row.ip, after: row.after }));
}

beforeEach(() => setClock(START));
afterEach(() => resetClock());

describe("the limits themselves", () => {
  it("lock an account from one address after 10 failures, an address after 50, and slow strangers down", () => {
    expect(ACCOUNT_ADDRESS_LIMIT).toEqual({ limit: 10, windowMs: FIFTEEN_MINUTES, blockMs: FIFTEEN_MINUTES });
    expect(IP_LIMIT).toEqual({ limit: 50, windowMs: FIFTEEN_MINUTES, blockMs: FIFTEEN_MINUTES });
    expect(ACCOUNT_BACKOFF).toEqual({
      freeFailures: 5,
      firstDelayMs: 15_000,
      maxDelayMs: FIFTEEN_MINUTES,
      forgetAfterMs: 60 * 60_000,
    });
  });
});

describe("an attacker who knows the email", () => {
  it("cannot keep the owner out from the address they signed in from before", async () => {
    const { user, desk } = await userAtDesk();
    const attacker = freshIp();

    const answers = await failTimes(10, user.email, attacker);
    expect(answers.slice(0, 5)).toEqual(Array(5).fill(REFUSED));
    expect(answers[5]).toEqual(waitSeconds(15));

    const owner = await signIn(user.email, TEST_PASSWORD, desk);
    expect(owner.ok && owner.user.id).toBe(user.id);
  });

  it("holds the owner at a new address only for the delay, never for a lock", async () => {
    const user = await createTestUser("WRITER");
    const attacker = freshIp();
    await failTimes(10, user.email, attacker);

    const traveller = freshIp();
    expect(await signIn(user.email, TEST_PASSWORD, traveller)).toEqual(waitSeconds(15));
    advanceClock(15_000);
    const owner = await signIn(user.email, TEST_PASSWORD, traveller);
    expect(owner.ok && owner.user.id).toBe(user.id);
    expect(await lastLoginAt(user.id)).toEqual(now());
    // That address is now known: the attacker's next failures no longer hold it up.
    await failTimes(3, user.email, attacker);
    expect((await signIn(user.email, TEST_PASSWORD, traveller)).ok).toBe(true);
  });

  it("makes the account wait longer after each failure, doubling up to 15 minutes", async () => {
    const user = await createTestUser("EDITOR");
    // A new address for every guess, so only the account's delay is in play.
    expect(await failTimes(5, user.email, freshIp())).toEqual(Array(5).fill(REFUSED));

    const waits = [];
    for (let i = 0; i < 8; i += 1) {
      const answer = await signIn(user.email, WRONG_PASSWORD, freshIp());
      waits.push(answer);
      const seconds = Number(/in (\d+) second/.exec(answer.ok ? "" : answer.message)?.[1]);
      // A guess before the delay is over is refused unseen and does not lengthen it.
      advanceClock(seconds * 1000 - 5_000);
      expect(await signIn(user.email, TEST_PASSWORD, freshIp())).toEqual(waitSeconds(5));
      advanceClock(5_000);
    }
    expect(waits).toEqual([15, 30, 60, 120, 240, 480, 900, 900].map(waitSeconds));

    // An hour without failures and the account is forgiven.
    advanceClock(60 * 60_000);
    expect(await failTimes(5, user.email, freshIp())).toEqual(Array(5).fill(REFUSED));
  });

  it("cannot slip parallel guesses past the delay", async () => {
    const user = await createTestUser("EDITOR");
    const ip = freshIp();
    const answers = await Promise.all(
      [...Array(30).fill(WRONG_PASSWORD), TEST_PASSWORD].map((p) => signIn(user.email, p, ip)),
    );
    const plainRefusals = answers.filter((answer) => !answer.ok && answer.message === WRONG_CREDENTIALS);
    expect(plainRefusals.length).toBeLessThanOrEqual(5);
    expect(answers.at(-1)!.ok).toBe(false);
  });
});

describe("brute force from one address", () => {
  it("is locked after ten failures even while waiting out each delay, for that address only", async () => {
    const user = await createTestUser("EDITOR");
    const attacker = freshIp();

    expect(await failTimes(5, user.email, attacker)).toEqual(Array(5).fill(REFUSED));
    for (const seconds of [15, 30, 60, 120]) {
      expect(await signIn(user.email, WRONG_PASSWORD, attacker)).toEqual(waitSeconds(seconds));
      advanceClock(seconds * 1000);
    }
    expect(await signIn(user.email, WRONG_PASSWORD, attacker)).toEqual(lockedFor(15)); // the tenth
    advanceClock(5 * 60_000); // the account's delay is long over, the lock is not
    expect(await signIn(user.email, TEST_PASSWORD, attacker)).toEqual(lockedFor(10));
    expect(await lastLoginAt(user.id)).toBeNull();

    advanceClock(10 * 60_000 + 1_000);
    expect((await signIn(user.email, TEST_PASSWORD, attacker)).ok).toBe(true);
  });

  it("is locked at the owner's own address too, and lifted 15 minutes later", async () => {
    const { user, desk } = await userAtDesk("WRITER");

    expect(await failTimes(9, user.email, desk)).toEqual(Array(9).fill(REFUSED));
    expect(await signIn(user.email, WRONG_PASSWORD, desk)).toEqual(lockedFor(15));
    expect(await signIn(user.email, TEST_PASSWORD, desk)).toEqual(lockedFor(15));

    advanceClock(FIFTEEN_MINUTES - 61_000);
    expect(await signIn(user.email, TEST_PASSWORD, desk)).toEqual(lockedFor(2));
    advanceClock(60_000);
    expect(await signIn(user.email, TEST_PASSWORD, desk)).toEqual(lockedFor(1));
    advanceClock(2_000);
    const result = await signIn(user.email, TEST_PASSWORD, desk);
    expect(result).toEqual({
      ok: true,
      user: { id: user.id, email: user.email, name: user.name, role: "WRITER", sessionVersion: 1 },
    });
    expect(await lastLoginAt(user.id)).toEqual(new Date(START.getTime() + FIFTEEN_MINUTES + 1_000));
  });

  it("starts counting afresh after a successful sign-in", async () => {
    const { user, desk } = await userAtDesk();

    expect(await failTimes(9, user.email, desk)).toEqual(Array(9).fill(REFUSED));
    expect((await signIn(user.email, TEST_PASSWORD, desk)).ok).toBe(true);
    expect(await failTimes(9, user.email, desk)).toEqual(Array(9).fill(REFUSED));
    expect((await signIn(user.email, TEST_PASSWORD, desk)).ok).toBe(true);
    expect(await failTimes(10, user.email, desk)).toEqual([...Array(9).fill(REFUSED), lockedFor(15)]);
  });

  it("counts failures under any spelling of the email against the same account", async () => {
    const { user, desk } = await userAtDesk();
    const shouted = `  ${user.email.toUpperCase()}\t`;

    expect(await failTimes(5, shouted, desk)).toEqual(Array(5).fill(REFUSED));
    expect(await failTimes(4, user.email, desk)).toEqual(Array(4).fill(REFUSED));
    expect(await signIn(` ${user.email} `, WRONG_PASSWORD, desk)).toEqual(lockedFor(15));
  });
});

describe("the audit log", () => {
  it("records every lockout of an account, with the address it came from", async () => {
    const { user, desk } = await userAtDesk();
    const stranger = freshIp();

    await failTimes(6, user.email, stranger); // the sixth starts the account's delay
    advanceClock(15_000);
    await signIn(user.email, WRONG_PASSWORD, stranger); // and the seventh doubles it
    await failTimes(10, user.email, desk); // the tenth at the desk locks it there

    const at = (ms: number) => new Date(START.getTime() + ms).toISOString();
    expect(await lockoutAudits(user.id)).toEqual([
      { entityType: "User", ip: stranger, after: { scope: "account", until: at(15_000), failures: 6 } },
      { entityType: "User", ip: stranger, after: { scope: "account", until: at(45_000), failures: 7 } },
      {
        entityType: "User",
        ip: desk,
        after: { scope: "account-address", until: at(15_000 + FIFTEEN_MINUTES), failures: 10 },
      },
    ]);
    // Without SMTP_URL no unlock mail goes out, so no unlock link exists.
    expect(await db.loginUnlockToken.count({ where: { userId: user.id } })).toBe(0);
  });

  it("records each sign-in and each failed attempt on a real account, not on unknown emails", async () => {
    const { user, desk } = await userAtDesk();
    await signIn(user.email, WRONG_PASSWORD, desk);
    await signIn(unknownEmail(), WRONG_PASSWORD, desk);
    const rows = await db.auditLog.findMany({
      where: { action: { in: ["auth.signIn", "auth.signInFailed"] }, entityId: user.id },
      select: { action: true, actorId: true, ip: true },
    });
    expect(rows).toHaveLength(2);
    expect(rows).toEqual(
      expect.arrayContaining([
        { action: "auth.signIn", actorId: user.id, ip: desk },
        { action: "auth.signInFailed", actorId: null, ip: desk },
      ]),
    );
    expect(await db.auditLog.count({ where: { action: "auth.signInFailed", ip: desk } })).toBe(1);
  });

  it("records an address blocked for failing across many accounts", async () => {
    const attacker = freshIp();
    for (let i = 0; i < 49; i += 1) await signIn(unknownEmail(), WRONG_PASSWORD, attacker);
    expect(await lockoutAudits(attacker)).toEqual([]);
    expect(await signIn(unknownEmail(), WRONG_PASSWORD, attacker)).toEqual(lockedFor(15));
    expect(await lockoutAudits(attacker)).toEqual([
      {
        entityType: "ClientAddress",
        ip: attacker,
        after: {
          scope: "address",
          until: new Date(START.getTime() + FIFTEEN_MINUTES).toISOString(),
          failures: 50,
        },
      },
    ]);
  });
});

describe("what a failure reveals", () => {
  it("answers an unknown email exactly as a wrong password for a known one", async () => {
    const user = await createTestUser("ADMIN");
    const ip = freshIp();

    const wrongPassword = await signIn(user.email, WRONG_PASSWORD, ip);
    const unknown = await signIn(unknownEmail(), TEST_PASSWORD, ip);
    expect(wrongPassword).toEqual(REFUSED);
    expect(unknown).toEqual(wrongPassword);
  });

  it("slows down and locks an unknown email just like a real account", async () => {
    const user = await createTestUser("EDITOR");
    const email = unknownEmail();
    const [realAt, unknownAt] = [freshIp(), freshIp()];
    for (let i = 0; i < 10; i += 1) {
      const real = await signIn(user.email, WRONG_PASSWORD, realAt);
      expect(await signIn(email, WRONG_PASSWORD, unknownAt), `attempt ${i + 1}`).toEqual(real);
      if (!real.ok && real.message !== WRONG_CREDENTIALS) advanceClock(60 * 60_000);
    }
  });

  it("refuses a deactivated user's right password with the same message", async () => {
    const user = await createTestUser("EDITOR", { active: false });
    expect(await signIn(user.email, TEST_PASSWORD, freshIp())).toEqual(REFUSED);
    expect(await lastLoginAt(user.id)).toBeNull();
  });
});

describe("email spelling", () => {
  it("signs in whatever the case and surrounding whitespace of the email", async () => {
    const user = await createTestUser("WRITER", { email: "mixed.case@crosscurrent.test" });
    for (const spelling of [
      "MIXED.CASE@CROSSCURRENT.TEST",
      "  Mixed.Case@CrossCurrent.test  ",
      "\tmixed.case@crosscurrent.test\n",
    ]) {
      const result = await signIn(spelling, TEST_PASSWORD, freshIp());
      expect(result.ok && result.user.id, spelling).toBe(user.id);
    }
  });

  it("does not trim or fold the password", async () => {
    const user = await createTestUser("WRITER");
    expect(await signIn(user.email, ` ${TEST_PASSWORD}`, freshIp())).toEqual(REFUSED);
    expect(await signIn(user.email, TEST_PASSWORD.toUpperCase(), freshIp())).toEqual(REFUSED);
  });
});

describe("malformed input", () => {
  it("answers every malformed input with the plain refusal and never throws", async () => {
    const user = await createTestUser("EDITOR");
    const malformed: Record<string, unknown> = {
      null: null,
      undefined: undefined,
      "a string": "admin@crosscurrent.test",
      "an array": [user.email, TEST_PASSWORD],
      "an empty object": {},
      "a numeric email": { email: 5, password: TEST_PASSWORD },
      "an object email": { email: { $ne: null }, password: TEST_PASSWORD },
      "a 10,000-character email": {
        email: `${"a".repeat(10_000 - 18)}@crosscurrent.test`,
        password: TEST_PASSWORD,
      },
      "a 2,000-character password": { email: user.email, password: "p".repeat(2_000) },
      "a missing password": { email: user.email },
      "an empty password": { email: user.email, password: "" },
      "a numeric password": { email: user.email, password: 12345678 },
      "a missing email": { password: TEST_PASSWORD },
      "an email that is not one": { email: "not an email", password: TEST_PASSWORD },
    };
    for (const [label, input] of Object.entries(malformed)) {
      await expect(signInWithPassword(input, freshIp()), label).resolves.toEqual(REFUSED);
    }
    expect(await lastLoginAt(user.id)).toBeNull();
    // The account itself is still usable.
    expect((await signIn(user.email, TEST_PASSWORD, freshIp())).ok).toBe(true);
  });
});

describe("per-IP limit", () => {
  it("blocks an address after 50 failures across many emails, and no other address", async () => {
    const victim = await createTestUser("EDITOR");
    const attackerIp = freshIp();

    const first49 = [];
    for (let i = 0; i < 49; i += 1) first49.push(await signIn(unknownEmail(), WRONG_PASSWORD, attackerIp));
    expect(first49).toEqual(Array(49).fill(REFUSED));
    // Not blocked yet: a right password from that address still works (and is not a failure).
    expect((await signIn(victim.email, TEST_PASSWORD, attackerIp)).ok).toBe(true);

    expect(await signIn(unknownEmail(), WRONG_PASSWORD, attackerIp)).toEqual(lockedFor(15)); // the 50th
    expect(await signIn(victim.email, TEST_PASSWORD, attackerIp)).toEqual(lockedFor(15));

    const elsewhere = await signIn(victim.email, TEST_PASSWORD, freshIp());
    expect(elsewhere.ok && elsewhere.user.id).toBe(victim.id);

    advanceClock(FIFTEEN_MINUTES + 1_000);
    expect((await signIn(victim.email, TEST_PASSWORD, attackerIp)).ok).toBe(true);
  });
});
