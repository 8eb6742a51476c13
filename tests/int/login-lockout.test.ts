// Password sign-in against a real database: lockout per account and per IP, driven by the one
// clock, with answers that never reveal whether an email exists or an account is inactive.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ACCOUNT_LIMIT, IP_LIMIT, signInWithPassword, WRONG_CREDENTIALS } from "@/lib/platform/auth/sign-in";
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

let ipCounter = 0;
/** A fresh address per test, so one test's failures never count against another's IP. */
function freshIp(): string {
  ipCounter += 1;
  return `198.51.100.${ipCounter}`;
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

async function lastLoginAt(userId: string): Promise<Date | null> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { lastLoginAt: true } });
  return user.lastLoginAt;
}

beforeEach(() => setClock(START));
afterEach(() => resetClock());

describe("the limits themselves", () => {
  it("are 10 failures per account and 50 per IP in 15 minutes, blocking for 15 minutes", () => {
    expect(ACCOUNT_LIMIT).toEqual({ limit: 10, windowMs: FIFTEEN_MINUTES, blockMs: FIFTEEN_MINUTES });
    expect(IP_LIMIT).toEqual({ limit: 50, windowMs: FIFTEEN_MINUTES, blockMs: FIFTEEN_MINUTES });
  });
});

describe("account lockout", () => {
  it("answers nine wrong passwords plainly, locks on the tenth, then refuses even the right one", async () => {
    const user = await createTestUser("EDITOR");
    const ip = freshIp();

    expect(await failTimes(9, user.email, ip)).toEqual(Array(9).fill(REFUSED));
    expect(await signIn(user.email, WRONG_PASSWORD, ip)).toEqual(lockedFor(15));
    expect(await signIn(user.email, TEST_PASSWORD, ip)).toEqual(lockedFor(15));
    // Another address changes nothing: the lock is on the account.
    expect(await signIn(user.email, TEST_PASSWORD, freshIp())).toEqual(lockedFor(15));
    expect(await lastLoginAt(user.id)).toBeNull();
  });

  it("lifts the lock 15 minutes later, and the sign-in records the clock's time", async () => {
    const user = await createTestUser("WRITER");
    const ip = freshIp();
    await failTimes(10, user.email, ip);

    advanceClock(FIFTEEN_MINUTES - 61_000);
    expect(await signIn(user.email, TEST_PASSWORD, ip)).toEqual(lockedFor(2));
    advanceClock(60_000);
    expect(await signIn(user.email, TEST_PASSWORD, ip)).toEqual(lockedFor(1));
    expect(now().getTime()).toBe(START.getTime() + FIFTEEN_MINUTES - 1_000);

    advanceClock(2_000); // 15 minutes and 1 second after the lock
    const result = await signIn(user.email, TEST_PASSWORD, ip);
    expect(result).toEqual({
      ok: true,
      user: {
        id: user.id,
        email: user.email,
        name: user.name,
        role: "WRITER",
        sessionVersion: user.sessionVersion,
      },
    });
    expect(await lastLoginAt(user.id)).toEqual(new Date(START.getTime() + FIFTEEN_MINUTES + 1_000));
  });

  it("starts counting afresh after a successful sign-in", async () => {
    const user = await createTestUser("EDITOR");
    const ip = freshIp();

    expect(await failTimes(9, user.email, ip)).toEqual(Array(9).fill(REFUSED));
    expect((await signIn(user.email, TEST_PASSWORD, ip)).ok).toBe(true);
    // Nine more would have locked the account had the first nine still counted.
    expect(await failTimes(9, user.email, ip)).toEqual(Array(9).fill(REFUSED));
    expect((await signIn(user.email, TEST_PASSWORD, ip)).ok).toBe(true);
    expect(await failTimes(10, user.email, ip)).toEqual([...Array(9).fill(REFUSED), lockedFor(15)]);
  });

  it("counts failures under any spelling of the email against the same account", async () => {
    const user = await createTestUser("EDITOR");
    const ip = freshIp();
    const shouted = `  ${user.email.toUpperCase()}\t`;

    expect(await failTimes(5, shouted, ip)).toEqual(Array(5).fill(REFUSED));
    expect(await failTimes(4, user.email, ip)).toEqual(Array(4).fill(REFUSED));
    expect(await signIn(` ${user.email} `, WRONG_PASSWORD, ip)).toEqual(lockedFor(15));
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

  it("locks an unknown email after ten failures just like a real account", async () => {
    const email = unknownEmail();
    expect(await failTimes(10, email, freshIp())).toEqual([...Array(9).fill(REFUSED), lockedFor(15)]);
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

    expect(await signIn(unknownEmail(), WRONG_PASSWORD, attackerIp)).toEqual(REFUSED); // the 50th failure
    expect(await signIn(victim.email, TEST_PASSWORD, attackerIp)).toEqual(lockedFor(15));

    const elsewhere = await signIn(victim.email, TEST_PASSWORD, freshIp());
    expect(elsewhere.ok && elsewhere.user.id).toBe(victim.id);

    advanceClock(FIFTEEN_MINUTES + 1_000);
    expect((await signIn(victim.email, TEST_PASSWORD, attackerIp)).ok).toBe(true);
  });

  it("refuses the right password hidden among parallel guesses", async () => {
    const user = await createTestUser("EDITOR");
    const ip = freshIp();
    const answers = await Promise.all(
      [...Array(30).fill(WRONG_PASSWORD), TEST_PASSWORD].map((p) => signIn(user.email, p, ip)),
    );
    expect(answers.at(-1)).toEqual(lockedFor(15));
  });
});
