// Without SMTP_URL (the embedded default) mail is recorded in the outbox and kept there, HELD:
// nothing is sent, and the record belongs to the transaction of the change that caused it.
import { describe, expect, it, vi } from "vitest";
import { setClock } from "@/lib/platform/clock";
import { db } from "@/lib/platform/db";
import { mailConfigured, recordMail, sendMail } from "@/lib/platform/mail";
import { deliverMail, deliverQueuedMail } from "@/lib/platform/outbox/deliver";
import { OutboxFiltersSchema } from "@/lib/platform/outbox/filters";
import { listOutbox, outboxKinds } from "@/lib/platform/outbox/list";
import { ROLE_PERMISSIONS } from "@/lib/platform/permissions";

vi.hoisted(() => {
  delete process.env.SMTP_URL;
});

describe("the outbox without an SMTP relay", () => {
  it("records the message with who, what and when, and keeps it unsent", async () => {
    expect(mailConfigured()).toBe(false);
    setClock(new Date("2031-05-01T08:00:00Z"));
    const sent = await sendMail({ to: "reader@example.org", subject: "Hello", text: "The body." });
    expect(sent).toBe(false);
    const [row] = await db.outboundMail.findMany({ where: { recipient: "reader@example.org" } });
    expect(row).toMatchObject({
      subject: "Hello",
      text: "The body.",
      kind: "general",
      status: "HELD",
      attempts: 0,
      lastError: null,
      sentAt: null,
      createdAt: new Date("2031-05-01T08:00:00Z"),
    });
    expect(await deliverMail(row!.id)).toBe("HELD");
    expect(await deliverQueuedMail()).toEqual({ sent: 0, failed: 0 });
    expect(await db.outboundMail.findUnique({ where: { id: row!.id } })).toMatchObject({
      status: "HELD",
      attempts: 0,
    });
  });

  it("is part of its cause's transaction: rolled back together", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await recordMail(tx, {
          to: "rolled-back@example.org",
          subject: "Never",
          text: "Never.",
          kind: "test",
        });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.outboundMail.count({ where: { recipient: "rolled-back@example.org" } })).toBe(0);
  });

  it("records a message once per dedupe key", async () => {
    const message = { to: "once@example.org", subject: "Once", text: "Once.", dedupeKey: "test:once" };
    const first = await db.$transaction((tx) => recordMail(tx, message));
    const second = await db.$transaction((tx) => recordMail(tx, message));
    expect(first).toEqual(expect.any(String));
    expect(second).toBeNull();
    expect(await db.outboundMail.count({ where: { recipient: "once@example.org" } })).toBe(1);
  });
});

describe("the Outbox page's list", () => {
  it("shows messages newest first, filtered by status, kind and recipient, to admins only", async () => {
    setClock(new Date("2031-05-02T08:00:00Z"));
    await sendMail({ to: "older@list.example", subject: "Older", text: "1", kind: "test.list" });
    setClock(new Date("2031-05-02T09:00:00Z"));
    await sendMail({ to: "newer@list.example", subject: "Newer", text: "2", kind: "test.list" });
    const all = await listOutbox(OutboxFiltersSchema.parse({ kind: "test.list" }));
    expect(all.messages.map((m) => m.subject)).toEqual(["Newer", "Older"]);
    expect(all.total).toBe(2);
    const one = await listOutbox(
      OutboxFiltersSchema.parse({ kind: "test.list", to: "OLDER@list", status: "HELD" }),
    );
    expect(one.messages.map((m) => [m.subject, m.status])).toEqual([["Older", "HELD"]]);
    const none = await listOutbox(OutboxFiltersSchema.parse({ kind: "test.list", status: "SENT" }));
    expect(none.total).toBe(0);
    // A hand-edited query string shows the list rather than an error.
    expect(OutboxFiltersSchema.parse({ status: "NOPE", page: "-3" })).toEqual({ page: 1 });
    expect(await outboxKinds()).toContain("test.list");
    expect(
      (["WRITER", "EDITOR", "ADMIN"] as const).filter((role) => ROLE_PERMISSIONS[role].has("mail.read")),
    ).toEqual(["ADMIN"]);
  });
});
