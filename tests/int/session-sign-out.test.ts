// Sessions through next-auth's own configuration (the credentials provider's authorize, the jwt
// and session callbacks, the signOut event), checked as every request checks them
// (userForSession), with the clock under the test's control: signing out ends that session and
// no other, an idle session ends, a busy one is renewed up to its absolute limit.
import type { User } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { authOptions } from "@/lib/platform/auth/options";
import {
  deleteEndedSessions,
  SESSION_ABSOLUTE_LIMIT_MS,
  SESSION_IDLE_LIMIT_MS,
} from "@/lib/platform/auth/sessions";
import { advanceClock, resetClock, setClock } from "@/lib/platform/clock";
import { db } from "@/lib/platform/db";
import { userForSession } from "@/lib/platform/session";
import { signOutEverywhere } from "@/lib/users/manage-users";
import { createTestUser, TEST_PASSWORD } from "../support/users";

const START = new Date("2031-05-01T08:00:00.000Z");
const MINUTE = 60_000;

beforeEach(() => setClock(START));
afterEach(() => resetClock());

type Authorize = (
  credentials: Record<string, string>,
  request: { headers: Record<string, string> },
) => Promise<User>;

/** Signs in as next-auth's credentials callback does; returns the claims the token carries. */
async function signIn(email: string, ip = "192.0.2.1"): Promise<JWT> {
  const provider = authOptions.providers[0] as unknown as { options: { authorize: Authorize } };
  const user = await provider.options.authorize(
    { email, password: TEST_PASSWORD },
    { headers: { "x-forwarded-for": ip } },
  );
  return authOptions.callbacks!.jwt!({ token: { sub: user.id }, user, account: null, trigger: "signIn" });
}

/** The user a request carrying `token` acts as, resolved as getCurrentUser resolves it. */
async function requestAs(token: JWT) {
  const session = (await authOptions.callbacks!.session!({
    session: { expires: "" },
    token,
  } as never)) as { userId?: string; sessionVersion?: number; sessionId?: string };
  return userForSession(session.userId, session.sessionVersion, session.sessionId);
}

async function signOut(token: JWT) {
  await authOptions.events!.signOut!({ token, session: undefined as never });
}

describe("signing out", () => {
  it("refuses the signed-out token on the very next request, and only that one", async () => {
    const user = await createTestUser("EDITOR");
    const laptop = await signIn(user.email);
    const phone = await signIn(user.email);
    expect(laptop.sid).toEqual(expect.any(String));
    expect(laptop.sid).not.toBe(phone.sid);
    expect((await requestAs(laptop))?.id).toBe(user.id);

    await signOut(laptop);

    expect(await requestAs(laptop)).toBeNull();
    expect((await requestAs(phone))?.id).toBe(user.id);
    const row = await db.session.findUniqueOrThrow({ where: { id: laptop.sid! } });
    expect(row.revokedAt).toEqual(START);
  });

  it("leaves sign-out-everywhere ending every session, and a new sign-in working", async () => {
    const user = await createTestUser("WRITER");
    const laptop = await signIn(user.email);
    const phone = await signIn(user.email);

    await signOutEverywhere({ actor: user, ip: null });

    expect(await requestAs(laptop)).toBeNull();
    expect(await requestAs(phone)).toBeNull();
    expect((await requestAs(await signIn(user.email)))?.id).toBe(user.id);
  });

  it("refuses a token without a session id, as issued before sessions were recorded", async () => {
    const user = await createTestUser("EDITOR");
    const { sid: _sid, ...older } = await signIn(user.email);
    expect(await requestAs(older)).toBeNull();
  });
});

describe("idle and absolute limits", () => {
  it("ends a session left alone for two hours", async () => {
    expect(SESSION_IDLE_LIMIT_MS).toBe(120 * MINUTE);
    const user = await createTestUser("EDITOR");
    const token = await signIn(user.email);

    advanceClock(SESSION_IDLE_LIMIT_MS - 1_000);
    expect((await requestAs(token))?.id).toBe(user.id);
    advanceClock(SESSION_IDLE_LIMIT_MS);
    expect(await requestAs(token)).toBeNull();
    // Once ended, always ended: trying it again does not renew it.
    advanceClock(MINUTE);
    expect(await requestAs(token)).toBeNull();
  });

  it("renews a session as it is used, up to twelve hours after sign-in", async () => {
    expect(SESSION_ABSOLUTE_LIMIT_MS).toBe(12 * 60 * MINUTE);
    const user = await createTestUser("ADMIN");
    const token = await signIn(user.email);

    // Used every 90 minutes: each use moves the idle limit on.
    for (let elapsed = 90; elapsed < 12 * 60; elapsed += 90) {
      advanceClock(90 * MINUTE);
      expect((await requestAs(token))?.id, `${elapsed} minutes in`).toBe(user.id);
    }
    advanceClock(12 * 60 * MINUTE - 7 * 90 * MINUTE); // exactly twelve hours after sign-in
    expect(await requestAs(token)).toBeNull();
  });
});

describe("the sessions table", () => {
  it("drops ended sessions when someone signs in, and keeps live ones", async () => {
    const user = await createTestUser("EDITOR");
    const idle = await signIn(user.email);
    advanceClock(SESSION_IDLE_LIMIT_MS - MINUTE);
    const live = await signIn(user.email);
    advanceClock(2 * MINUTE);

    await signIn(user.email);

    expect(await db.session.findUnique({ where: { id: idle.sid! } })).toBeNull();
    expect(await db.session.findUnique({ where: { id: live.sid! } })).not.toBeNull();
    advanceClock(SESSION_ABSOLUTE_LIMIT_MS);
    expect(await deleteEndedSessions()).toBeGreaterThanOrEqual(2);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });
});
