// Delivery over a real SMTP server started here: a recorded message arrives once (however often
// or concurrently delivery is asked for) under the site's name; a relay that refuses leaves the
// message FAILED with its error, retried when its time comes; and what a crash left queued is
// picked up.
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { advanceClock, resetClock, setClock } from "@/lib/platform/clock";
import { db } from "@/lib/platform/db";
import { recordMail, sendMail } from "@/lib/platform/mail";
import { deliverMail, deliverQueuedMail, retryDelayMs } from "@/lib/platform/outbox/deliver";
import { DEFAULT_SITE_IDENTITY, SITE_IDENTITY_KEY } from "@/lib/site/identity-fields";
import { nameMailAfterSite } from "@/lib/site/stored-identity";

const smtp = await vi.hoisted(async () => {
  const { startSmtpServer } = await import("../support/smtp-server");
  const server = await startSmtpServer();
  process.env.SMTP_URL = server.url;
  return server;
});
afterAll(() => smtp.close());
afterEach(() => {
  smtp.accept();
  resetClock();
});

const record = (to: string, subject = "A subject") =>
  db.$transaction((tx) => recordMail(tx, { to, subject, text: `Dear ${to},\n\nA message.`, kind: "test" }));

describe("mail delivery", () => {
  it("sends a message under the site's title, marks it SENT, and sends it once however often asked", async () => {
    await db.setting.create({
      data: { key: SITE_IDENTITY_KEY, value: { ...DEFAULT_SITE_IDENTITY, title: "Tidewater Review" } },
    });
    nameMailAfterSite();
    setClock(new Date("2031-06-01T09:00:00Z"));
    expect(await sendMail({ to: "first@example.org", subject: "Welcome", text: "Hello there." })).toBe(true);
    const [received] = smtp.mailTo("first@example.org");
    expect(received).toMatchObject({
      subject: "Welcome",
      fromName: "Tidewater Review",
      from: "no-reply@localhost",
    });
    expect(received!.text.trim()).toBe("Hello there.");
    const row = await db.outboundMail.findFirstOrThrow({ where: { recipient: "first@example.org" } });
    expect(row).toMatchObject({ status: "SENT", attempts: 1, sentAt: new Date("2031-06-01T09:00:00Z") });

    // Asked again, one after the other and side by side: nothing more goes out.
    expect(await deliverMail(row.id)).toBe("SENT");
    const id = (await record("twice@example.org"))!;
    expect(await Promise.all([deliverMail(id), deliverMail(id), deliverMail(id)])).toContain("SENT");
    expect(await deliverMail(id)).toBe("SENT");
    expect(await deliverQueuedMail()).toEqual({ sent: 0, failed: 0 });
    expect(smtp.mailTo("first@example.org")).toHaveLength(1);
    expect(smtp.mailTo("twice@example.org")).toHaveLength(1);
    expect(await db.outboundMail.findUnique({ where: { id } })).toMatchObject({
      status: "SENT",
      attempts: 1,
    });
  });

  it("records a refusal as FAILED with the relay's error, and retries it when its time comes", async () => {
    setClock(new Date("2031-06-02T09:00:00Z"));
    smtp.refuse("Mailbox unavailable for this test");
    expect(await sendMail({ to: "refused@example.org", subject: "Try", text: "Try." })).toBe(false);
    const failed = await db.outboundMail.findFirstOrThrow({ where: { recipient: "refused@example.org" } });
    expect(failed).toMatchObject({ status: "FAILED", attempts: 1, sentAt: null });
    expect(failed.lastError).toMatch(/Mailbox unavailable for this test/);
    expect(failed.nextAttemptAt).toEqual(new Date(Date.parse("2031-06-02T09:00:00Z") + retryDelayMs(1)));

    // The relay is back, but the retry is not due yet.
    smtp.accept();
    expect(await deliverQueuedMail()).toEqual({ sent: 0, failed: 0 });
    expect(smtp.mailTo("refused@example.org")).toHaveLength(0);

    advanceClock(retryDelayMs(1));
    expect(await deliverQueuedMail()).toEqual({ sent: 1, failed: 0 });
    expect(smtp.mailTo("refused@example.org")).toHaveLength(1);
    expect(await db.outboundMail.findUnique({ where: { id: failed.id } })).toMatchObject({
      status: "SENT",
      attempts: 2,
      lastError: null,
      nextAttemptAt: null,
    });
    expect(await deliverQueuedMail()).toEqual({ sent: 0, failed: 0 });
    expect(smtp.mailTo("refused@example.org")).toHaveLength(1);
  });

  it("backs off longer after each failure", async () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(retryDelayMs(30)).toBe(6 * 60 * 60_000);
  });

  it("picks up what a crash left queued, and a claim a dead process left behind", async () => {
    setClock(new Date("2031-06-03T09:00:00Z"));
    const queued = (await record("left-queued@example.org"))!; // recorded, never delivered
    const claimed = (await record("left-claimed@example.org"))!;
    // A process claimed it and died before sending.
    await db.outboundMail.update({
      where: { id: claimed },
      data: { status: "SENDING", claimedAt: new Date("2031-06-03T08:59:00Z"), attempts: 1 },
    });
    expect(await deliverQueuedMail()).toEqual({ sent: 1, failed: 0 });
    expect(smtp.mailTo("left-queued@example.org")).toHaveLength(1);
    expect(smtp.mailTo("left-claimed@example.org")).toHaveLength(0); // it may still be in flight

    advanceClock(10 * 60_000);
    expect(await deliverQueuedMail()).toEqual({ sent: 1, failed: 0 });
    expect(smtp.mailTo("left-claimed@example.org")).toHaveLength(1);
    expect(
      await db.outboundMail.findMany({ where: { id: { in: [queued, claimed] } }, select: { status: true } }),
    ).toEqual([{ status: "SENT" }, { status: "SENT" }]);
  });
});
