// A locked-out staff member gets a one-time unlock link by mail, through a real SMTP server
// started here: the link lets them in from their browser while the attacker keeps guessing,
// works once, expires, and only its hash is stored.
import { createHash } from "node:crypto";
import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as postUnlock } from "@/app/api/login/unlock/route";
import { signInWithPassword } from "@/lib/platform/auth/sign-in";
import { UNLOCK_LINK_TTL_MS } from "@/lib/platform/auth/unlock";
import { advanceClock, resetClock, setClock } from "@/lib/platform/clock";
import { db } from "@/lib/platform/db";
import { createTestUser, TEST_PASSWORD } from "../support/users";

// Started before the app's modules load, so SMTP_URL is in the environment they parse.
const smtp = await vi.hoisted(async () => {
  const { startSmtpServer } = await import("../support/smtp-server");
  const server = await startSmtpServer();
  process.env.SMTP_URL = server.url;
  return server;
});

afterAll(() => smtp.close());

const START = new Date("2031-04-01T09:00:00.000Z");
const WRONG_PASSWORD = "definitely not the password";
const ATTACKER = "203.0.113.66";

beforeEach(() => setClock(START));
afterEach(() => resetClock());

function signIn(email: string, password: string, ip: string) {
  return signInWithPassword({ email, password }, ip);
}

/** The messages sent to `email`, quoted-printable decoded. */
function mailTo(email: string): string[] {
  return smtp
    .mailTo(email)
    .map(({ raw }) =>
      raw
        .replace(/=\r?\n/g, "")
        .replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    );
}

/** Waits for the unlock mail to `email` and returns the token from its link. */
async function unlockTokenMailedTo(email: string): Promise<string> {
  await expect.poll(() => mailTo(email).length, { timeout: 10_000 }).toBe(1);
  const link = /https?:\/\/\S+\/login\/unlock\?token=([\w-]+)/.exec(mailTo(email)[0]!);
  expect(link, "an unlock link in the mail").not.toBeNull();
  return link![1]!;
}

/** Locks `email` for strangers: five free failures, the sixth starts the delay. */
async function lockOut(email: string) {
  for (let i = 0; i < 6; i += 1) await signIn(email, WRONG_PASSWORD, ATTACKER);
}

/** Posts the unlock form as the browser at `ip` does; returns where it is sent next. */
async function followUnlock(token: string, ip: string): Promise<string | null> {
  const request = new NextRequest("http://localhost/api/login/unlock", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": ip },
    body: new URLSearchParams({ token }).toString(),
  });
  const response = await postUnlock(request);
  expect(response.status).toBe(303);
  return response.headers.get("location");
}

describe("the unlock link", () => {
  it("is mailed on lockout, lets the owner in while the attacker goes on, and works once", async () => {
    const user = await createTestUser("EDITOR");
    const owner = "192.0.2.10";
    await lockOut(user.email);

    const token = await unlockTokenMailedTo(user.email);
    expect(mailTo(user.email)[0]).toMatch(/^Subject: Your Crosscurrent sign-in is locked/m);
    const stored = await db.loginUnlockToken.findMany({ where: { userId: user.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(stored)).not.toContain(token);

    expect((await signIn(user.email, TEST_PASSWORD, owner)).ok).toBe(false); // held by the delay
    expect(await followUnlock(token, owner)).toBe("/login/unlock?result=unlocked");
    advanceClock(15_000);
    await signIn(user.email, WRONG_PASSWORD, ATTACKER); // the attacker doubles the delay again
    const signedIn = await signIn(user.email, TEST_PASSWORD, owner);
    expect(signedIn.ok && signedIn.user.id).toBe(user.id);

    // Spent: the same link does nothing for anyone, the owner included.
    expect(await followUnlock(token, ATTACKER)).toBe("/login/unlock?result=invalid");
    expect(await followUnlock(token, owner)).toBe("/login/unlock?result=invalid");
    const unlocks = await db.auditLog.findMany({ where: { action: "auth.unlock", entityId: user.id } });
    expect(unlocks).toMatchObject([{ actorId: user.id, entityType: "User", ip: owner }]);
  });

  it("expires an hour after it was sent", async () => {
    const user = await createTestUser("WRITER");
    await lockOut(user.email);
    const token = await unlockTokenMailedTo(user.email);

    advanceClock(UNLOCK_LINK_TTL_MS);
    expect(await followUnlock(token, "192.0.2.20")).toBe("/login/unlock?result=invalid");
    expect(await db.auditLog.count({ where: { action: "auth.unlock", entityId: user.id } })).toBe(0);
  });

  it("goes out at most once in 15 minutes however often the account is locked", async () => {
    const user = await createTestUser("EDITOR");
    await lockOut(user.email);
    await unlockTokenMailedTo(user.email);
    for (const seconds of [15, 30, 60]) {
      advanceClock(seconds * 1000);
      await signIn(user.email, WRONG_PASSWORD, ATTACKER);
    }
    // Give a second mail every chance to arrive before checking that none did.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(mailTo(user.email)).toHaveLength(1);
    expect(await db.loginUnlockToken.count({ where: { userId: user.id } })).toBe(1);
  });

  it("refuses a malformed token with a 400 that says what to do", async () => {
    const request = new NextRequest("http://localhost/api/login/unlock", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "token=short",
    });
    const response = await postUnlock(request);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        code: "INVALID",
        message: expect.stringMatching(/open it from the mail/),
        fieldErrors: { token: [expect.stringMatching(/open it from the mail/)] },
      },
    });
  });

  it("is not sent for an email that has no account", async () => {
    const before = smtp.messages.length;
    await lockOut("nobody-here@crosscurrent.test");
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.messages.length).toBe(before);
  });
});
