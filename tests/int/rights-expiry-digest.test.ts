// The daily expiry digest: over several controlled days in the site's time zone (UTC+8 here),
// admins hear of exactly the authorizations whose last day in force is 30, 7 or 1 days away,
// with the published articles each covers; a renewal in force at the end takes one off the
// list; nothing goes out on other days; and a second run the same day sends nothing. Mail is
// received by a real SMTP server.
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { publishArticle } from "@/lib/articles/workflow";
import { resetClock, setClock } from "@/lib/platform/clock";
import { db } from "@/lib/platform/db";
import { sendExpiryDigest } from "@/lib/rights/expiry-digest";
import { DEFAULT_SITE_IDENTITY, SITE_IDENTITY_KEY } from "@/lib/site/identity-fields";
import { nameMailAfterSite } from "@/lib/site/stored-identity";
import { context, createTestArticle } from "../support/articles";
import { createTestUser } from "../support/users";

const smtp = await vi.hoisted(async () => {
  const { startSmtpServer } = await import("../support/smtp-server");
  const server = await startSmtpServer();
  process.env.SMTP_URL = server.url;
  return server;
});
afterAll(() => smtp.close());
afterEach(() => resetClock());

const ZONE = "Asia/Shanghai";
/** An instant given as local time in the site's zone (UTC+8, no daylight saving). */
const local = (text: string) => new Date(`${text}+08:00`);
/** 10:00 on a local day: the digest's run that day. */
const morningOf = (day: string) => local(`${day}T10:00:00`);

async function grant(name: string, validUntil: Date, fields: { renewsId?: string; sourceId?: string } = {}) {
  const sourceId =
    fields.sourceId ??
    (
      await db.source.create({
        data: { name, slug: `digest-${name.toLowerCase().replace(/\W+/g, "-")}`, kind: "WEBSITE" },
      })
    ).id;
  return db.reprintAuthorization.create({
    data: {
      sourceId,
      status: "GRANTED",
      validFrom: local("2031-01-01T00:00:00"),
      validUntil,
      renewsId: fields.renewsId ?? null,
      attributionText: "Reprinted with permission.",
      evidence: { create: { kind: "URL", url: "https://example.com/permission" } },
    },
  });
}

describe("the expiry digest", () => {
  it("lists the right authorizations on the right days, once a day", async () => {
    await db.setting.create({
      data: {
        key: SITE_IDENTITY_KEY,
        value: { ...DEFAULT_SITE_IDENTITY, title: "Digest Desk", timeZone: ZONE },
      },
    });
    nameMailAfterSite();
    const admin = await createTestUser("ADMIN");
    const editor = await createTestUser("EDITOR");
    // Not mailed: editors, and admins no longer active.
    const retired = await createTestUser("ADMIN", { active: false });

    setClock(morningOf("2031-02-20"));
    // Last day in force 31 March: 30 days after 1 March.
    const thirty = await grant("Thirty Days Source", local("2031-03-31T15:00:00"));
    const covered = await createTestArticle(editor, {
      title: "A reprint the thirty-day grant covers",
      kind: "REPRINT",
      sourceId: thirty.sourceId,
    });
    await publishArticle({ id: covered.id, version: covered.version }, context(editor));
    // Ends at the very start of 9 March: its last day in force is 8 March, 7 days after 1 March.
    const seven = await grant("Seven Days Source", local("2031-03-09T00:00:00"));
    // Its last day is 2 March.
    const one = await grant("One Day Source", local("2031-03-02T23:59:00"));
    // Ends on 9 March: 7 days away only on 2 March.
    const eight = await grant("Eight Days Source", local("2031-03-09T12:00:00"));
    // Ends 8 March too, but a renewal in force from its end takes over: not ending.
    const renewed = await grant("Renewed Source", local("2031-03-08T18:00:00"));
    await grant("Renewed Source renewal", local("2032-03-08T18:00:00"), {
      renewsId: renewed.id,
      sourceId: renewed.sourceId,
    });
    // Revoked: not ending, ended.
    const revoked = await grant("Revoked Source", local("2031-03-08T12:00:00"));
    await db.reprintAuthorization.update({ where: { id: revoked.id }, data: { status: "REVOKED" } });

    // 1 March: the 30-, 7- and 1-day windows.
    setClock(morningOf("2031-03-01"));
    const first = await sendExpiryDigest(morningOf("2031-03-01"));
    expect(first.day).toBe("2031-03-01");
    expect(first.authorizations.map((a) => [a.id, a.window, a.lastDay])).toEqual([
      [thirty.id, 30, "2031-03-31"],
      [seven.id, 7, "2031-03-08"],
      [one.id, 1, "2031-03-02"],
    ]);
    expect(first.authorizations[0]!.articles).toEqual([
      { title: "A reprint the thirty-day grant covers", url: expect.stringMatching(/\/articles\/[\w-]+$/) },
    ]);
    const mails = smtp.mailTo(admin.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.fromName).toBe("Digest Desk");
    expect(mails[0]!.subject).toBe("Authorizations ending: 1 in 30 days, 1 in 7 days, 1 in 1 day");
    for (const name of ["Thirty Days Source", "Seven Days Source", "One Day Source"]) {
      expect(mails[0]!.text).toContain(name);
    }
    expect(mails[0]!.text).toContain("A reprint the thirty-day grant covers");
    for (const name of ["Eight Days Source", "Renewed Source", "Revoked Source"]) {
      expect(mails[0]!.text).not.toContain(name);
    }
    expect(smtp.mailTo(editor.email)).toHaveLength(0);
    expect(smtp.mailTo(retired.email)).toHaveLength(0);

    // Again the same day (late evening, local): nothing recorded, nothing sent.
    const again = await sendExpiryDigest(local("2031-03-01T23:30:00"));
    expect(again.recorded).toBe(0);
    expect(smtp.mailTo(admin.email)).toHaveLength(1);

    // 2 March (already at 00:30 local, still 1 March in UTC): only the 8-day one, now 7 days away.
    const second = await sendExpiryDigest(local("2031-03-02T00:30:00"));
    expect(second.day).toBe("2031-03-02");
    expect(second.authorizations.map((a) => [a.id, a.window])).toEqual([[eight.id, 7]]);
    expect(smtp.mailTo(admin.email)).toHaveLength(2);

    // Days with nothing in a window: nothing sent.
    for (const day of ["2031-03-03", "2031-03-04", "2031-03-05", "2031-03-06", "2031-03-10", "2031-03-23"]) {
      const result = await sendExpiryDigest(morningOf(day));
      expect(result, day).toMatchObject({ authorizations: [], recorded: 0 });
    }
    expect(smtp.mailTo(admin.email)).toHaveLength(2);

    // 7 March: the seven-day grant's last day is tomorrow.
    const eve = await sendExpiryDigest(morningOf("2031-03-07"));
    expect(eve.authorizations.map((a) => [a.id, a.window])).toEqual([[seven.id, 1]]);
    // 24 March: the thirty-day grant is 7 days from its last day.
    const later = await sendExpiryDigest(morningOf("2031-03-24"));
    expect(later.authorizations.map((a) => [a.id, a.window])).toEqual([[thirty.id, 7]]);
    expect(smtp.mailTo(admin.email)).toHaveLength(4);
    expect(await db.outboundMail.count({ where: { kind: "rights.expiry-digest", status: "SENT" } })).toBe(
      4 * (await db.user.count({ where: { role: "ADMIN", active: true } })),
    );
  });
});
