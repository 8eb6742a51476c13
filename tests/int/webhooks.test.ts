// Webhooks: signed bodies, no requests to private networks, clear refusals on the form, events
// written in the transaction of the change that caused them, and deliveries that log each attempt
// and are retried through the job queue until the receiver says 2xx.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createWebhook, updateWebhook } from "@/app/(admin)/admin/webhooks/actions";
import { saveArticle } from "@/lib/articles/save-article";
import { publishArticle, unpublishArticle } from "@/lib/articles/workflow";
import { moderateComment } from "@/lib/comments/moderation";
import { runAction } from "@/lib/platform/actions/run-action";
import { now, resetClock, setClock } from "@/lib/platform/clock";
import { db } from "@/lib/platform/db";
import { env } from "@/lib/platform/env";
import { defineJob } from "@/lib/platform/jobs/define-job";
import { enqueueJob } from "@/lib/platform/jobs/enqueue-job";
import { startJobQueue, stopJobQueue } from "@/lib/platform/jobs/job-queue";
import type { CurrentUser } from "@/lib/platform/session";
import { reviewSourceReprints } from "@/lib/rights/sweep";
import { isPrivateAddress, PRIVATE_TARGET_MESSAGE, refuseTarget } from "@/lib/webhooks/address-safety";
import { deliverWebhook } from "@/lib/webhooks/deliver-job";
import { emitWebhookEvent, type WebhookBody } from "@/lib/webhooks/emit";
import { postWebhook } from "@/lib/webhooks/post-webhook";
import { resendWebhookDelivery } from "@/lib/webhooks/resend";
import { WEBHOOK_URL_SCHEME_MESSAGE } from "@/lib/webhooks/schema";
import { signatureHeader, verifySignature } from "@/lib/webhooks/signing";
import { articleFields, context, createTestArticle } from "../support/articles";
import { startSignedReceiver } from "../support/signed-receiver";
import { createTestUser } from "../support/users";

const SECRET = "whsec_test-secret-for-the-receiver";
const T0 = new Date("2026-06-01T09:00:00Z");

/** A webhook receiver: see tests/support/signed-receiver.ts. */
const startReceiver = (statuses: number[]) =>
  startSignedReceiver({ secret: SECRET, statuses, path: "/hooks" });

async function endpointFor(url: string, events: string[]) {
  return db.webhookEndpoint.create({ data: { url, secret: SECRET, events }, select: { id: true } });
}

async function grantedSource() {
  const source = await db.source.create({
    data: {
      name: `Source ${Math.random()}`,
      slug: `source-${Math.random().toString(36).slice(2)}`,
      kind: "WEBSITE",
    },
  });
  await db.reprintAuthorization.create({
    data: {
      sourceId: source.id,
      status: "GRANTED",
      validFrom: new Date(T0.getTime() - 86_400_000),
      attributionText: "Reprinted with permission.",
      evidence: { create: { kind: "URL", url: "https://example.com/permission" } },
    },
  });
  return source;
}

describe("the signature header", () => {
  const body = JSON.stringify({ id: "evt_1", event: "article.published" });
  const at = new Date("2026-06-01T09:00:00Z");

  it("is t=<unix seconds>,v1=<HMAC-SHA256 of the timestamp and body>, and verifies", () => {
    const header = signatureHeader(SECRET, body, at);
    expect(header).toMatch(/^t=1780304400,v1=[0-9a-f]{64}$/);
    expect(verifySignature(SECRET, body, header, at)).toBe(true);
  });

  it("fails for another body, another secret, an old timestamp or a malformed header", () => {
    const header = signatureHeader(SECRET, body, at);
    expect(verifySignature(SECRET, `${body} `, header, at)).toBe(false);
    expect(verifySignature("whsec_another", body, header, at)).toBe(false);
    expect(verifySignature(SECRET, body, header, new Date(at.getTime() + 301_000))).toBe(false);
    expect(verifySignature(SECRET, body, "v1=abc", at)).toBe(false);
    expect(verifySignature(SECRET, body, null, at)).toBe(false);
  });
});

describe("webhook targets (no server-side request forgery)", () => {
  it("counts loopback, private, link-local, CGNAT and their IPv6 forms as private", () => {
    for (const address of [
      "127.0.0.1",
      "10.1.2.3",
      "172.20.0.1",
      "192.168.1.10",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "fd00::1",
      "fe80::1",
      "::ffff:127.0.0.1",
      "not-an-address",
    ]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"]) {
      expect(isPrivateAddress(address), address).toBe(false);
    }
  });

  it("refuses private hosts when saved, unless allowed by configuration", async () => {
    for (const url of [
      "http://127.0.0.1/x",
      "http://localhost:3000/",
      "http://[::1]/",
      "https://10.0.0.5/",
    ]) {
      expect(await refuseTarget(new URL(url), false), url).toBe(PRIVATE_TARGET_MESSAGE);
      expect(await refuseTarget(new URL(url), true), url).toBeNull();
    }
    expect(await refuseTarget(new URL("https://93.184.216.34/hooks"), false)).toBeNull();
  });

  it("refuses at delivery time on the address the connection resolves to (DNS rebinding)", async () => {
    const receiver = await startReceiver([200]);
    try {
      // "localhost" passes no syntax check; only its resolution shows it is this machine.
      const url = receiver.url.replace("127.0.0.1", "localhost");
      const outcome = await postWebhook(url, "{}", {}, { allowPrivate: false });
      expect(outcome).toEqual({
        ok: false,
        statusCode: null,
        error: PRIVATE_TARGET_MESSAGE,
        permanent: true,
      });
      const literal = await postWebhook(receiver.url, "{}", {}, { allowPrivate: false });
      expect(literal).toMatchObject({ ok: false, permanent: true, error: PRIVATE_TARGET_MESSAGE });
      expect(receiver.received).toHaveLength(0);
      expect(await postWebhook(url, "{}", {}, { allowPrivate: true })).toEqual({ ok: true, statusCode: 200 });
    } finally {
      await receiver.close();
    }
  });
});

describe("the webhook form", () => {
  let admin: CurrentUser;
  beforeAll(async () => {
    admin = await createTestUser("ADMIN");
  });

  const create = (input: Record<string, unknown>) => runAction(createWebhook.definition, admin, input);

  it("refuses addresses that are not http(s), naming what to use", async () => {
    for (const url of ["ftp://example.com/hooks", "javascript:alert(1)", "file:///etc/passwd"]) {
      const result = await create({ url, events: ["article.published"] });
      expect(result, url).toMatchObject({
        ok: false,
        code: "INVALID",
        fieldErrors: { url: [WEBHOOK_URL_SCHEME_MESSAGE] },
      });
    }
    expect(await create({ url: "not a url", events: ["article.published"] })).toMatchObject({
      ok: false,
      fieldErrors: { url: ["That is not a web address; use e.g. https://example.com/hooks."] },
    });
  });

  it("refuses no events, unknown events and credentials in the address", async () => {
    expect(await create({ url: "https://93.184.216.34/h" })).toMatchObject({
      ok: false,
      fieldErrors: { events: ["Choose at least one event to send."] },
    });
    expect(await create({ url: "https://93.184.216.34/h", events: ["article.deleted"] })).toMatchObject({
      ok: false,
      fieldErrors: { events: ["Choose events from the list."] },
    });
    expect(
      await create({ url: "https://user:pass@93.184.216.34/h", events: "article.published" }),
    ).toMatchObject({ ok: false, fieldErrors: { url: [expect.stringContaining("Leave the user name")] } });
  });

  it("refuses a private target with the message that says how to allow one", async () => {
    const result = await create({ url: "http://192.168.0.10/hooks", events: "article.withdrawn" });
    expect(result).toEqual({
      ok: false,
      code: "INVALID",
      message: PRIVATE_TARGET_MESSAGE,
      fieldErrors: { url: [PRIVATE_TARGET_MESSAGE] },
    });
    expect(await db.webhookEndpoint.count({ where: { url: "http://192.168.0.10/hooks" } })).toBe(0);
    const update = await runAction(updateWebhook.definition, admin, {
      endpointId: "missing",
      url: "http://127.0.0.1/",
      events: "article.withdrawn",
    });
    expect(update).toMatchObject({ ok: false, message: PRIVATE_TARGET_MESSAGE });
  });
});

describe("events and deliveries", () => {
  const allowed = env.WEBHOOK_ALLOW_PRIVATE;
  beforeAll(() => {
    // As WEBHOOK_ALLOW_PRIVATE=true does: the receiver is on this machine.
    env.WEBHOOK_ALLOW_PRIVATE = true;
  });
  afterAll(() => {
    env.WEBHOOK_ALLOW_PRIVATE = allowed;
  });
  afterEach(() => resetClock());

  it("withdrawing a reprint sends article.withdrawn with its reason code to subscribed endpoints only", async () => {
    setClock(T0);
    const editor = await createTestUser("EDITOR");
    const source = await grantedSource();
    const draft = await createTestArticle(editor, {
      title: "Reprint to withdraw",
      kind: "REPRINT",
      sourceId: source.id,
    });
    const article = await publishArticle({ id: draft.id, version: draft.version }, context(editor));
    const subscribed = await endpointFor("http://127.0.0.1:9/a", ["article.withdrawn"]);
    const other = await endpointFor("http://127.0.0.1:9/b", ["article.published"]);

    await db.reprintAuthorization.updateMany({
      where: { sourceId: source.id },
      data: { status: "REVOKED", revokedAt: now() },
    });
    await db.$transaction((tx) => reviewSourceReprints(tx, source.id, "REVOCATION", now(), editor.id));

    const deliveries = await db.webhookDelivery.findMany({
      where: { endpointId: { in: [subscribed.id, other.id] } },
      select: { endpointId: true, event: true, body: true, status: true, jobId: true },
    });
    expect(deliveries).toHaveLength(1);
    const [delivery] = deliveries;
    expect(delivery).toMatchObject({
      endpointId: subscribed.id,
      event: "article.withdrawn",
      status: "PENDING",
    });
    const body = JSON.parse(delivery!.body) as WebhookBody<{
      article: { id: string; url: string; title: string };
      reasonCode: string;
    }>;
    expect(body).toMatchObject({ event: "article.withdrawn", time: T0.toISOString() });
    expect(body.id).toMatch(/^evt_/);
    expect(body.data.reasonCode).toBe("REVOKED");
    expect(body.data.article).toMatchObject({ id: article.id, title: "Reprint to withdraw" });
    expect(body.data.article.url).toMatch(new RegExp(`/articles/${article.slug}$`));
  });

  it("publishing, saving, unpublishing, republishing after a withdrawal and approving a comment each send their event", async () => {
    setClock(T0);
    const editor = await createTestUser("EDITOR");
    const endpoint = await endpointFor("http://127.0.0.1:9/all", [
      "article.published",
      "article.updated",
      "article.unpublished",
      "article.restored",
      "comment.approved",
    ]);
    const source = await grantedSource();
    const draft = await createTestArticle(editor, {
      title: "Lifecycle",
      kind: "REPRINT",
      sourceId: source.id,
    });
    const published = await publishArticle({ id: draft.id, version: draft.version }, context(editor));
    const saved = await saveArticle(
      {
        ...articleFields({ title: "Lifecycle, revised", kind: "REPRINT", sourceId: source.id }),
        id: draft.id,
        version: published.version,
        manual: true,
      },
      context(editor),
    );
    const comment = await db.comment.create({
      data: {
        articleId: draft.id,
        authorName: "A reader",
        authorEmail: "reader@example.com",
        body: "Well put.",
      },
    });
    await moderateComment({ commentId: comment.id, decision: "approve" }, context(editor));
    await db.article.update({
      where: { id: draft.id },
      data: { withdrawnAt: now(), withdrawnReason: "Test." },
    });
    const restored = await publishArticle({ id: draft.id, version: saved.version }, context(editor));
    await unpublishArticle({ id: draft.id, version: restored.version }, context(editor));

    const deliveries = await db.webhookDelivery.findMany({
      where: { endpointId: endpoint.id },
      orderBy: { createdAt: "asc" },
      select: { event: true, body: true },
    });
    expect(deliveries.map((d) => d.event)).toEqual([
      "article.published",
      "article.updated",
      "comment.approved",
      "article.restored",
      "article.unpublished",
    ]);
    const approved = JSON.parse(deliveries[2]!.body) as WebhookBody<{ comment: Record<string, unknown> }>;
    expect(approved.data.comment).toMatchObject({
      id: comment.id,
      authorName: "A reader",
      body: "Well put.",
    });
    expect(deliveries[2]!.body).not.toContain("reader@example.com");
    const updated = JSON.parse(deliveries[1]!.body) as WebhookBody<{ article: { title: string } }>;
    expect(updated.data.article.title).toBe("Lifecycle, revised");
  });

  it("logs each attempt, retries a 500 and stops at the 200: one success, signed and valid", async () => {
    const receiver = await startReceiver([500, 200]);
    try {
      const endpoint = await endpointFor(receiver.url, ["notice.received"]);
      await emitWebhookEvent("notice.received", { notice: { caseNumber: "N-1" } });
      const { id } = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });

      await expect(deliverWebhook(id, { id: "job-1", retryCount: 0 })).rejects.toThrow(
        "The receiver answered 500.",
      );
      await deliverWebhook(id, { id: "job-1", retryCount: 1 });
      await deliverWebhook(id, { id: "job-1", retryCount: 2 }); // a late duplicate run sends nothing

      expect(receiver.received.map((r) => r.valid)).toEqual([true, true]);
      const [first, second] = receiver.received;
      expect(first!.body).toBe(second!.body);
      expect(first!.headers["crosscurrent-event"]).toBe("notice.received");
      const delivery = await db.webhookDelivery.findUniqueOrThrow({
        where: { id },
        select: {
          status: true,
          attemptCount: true,
          deliveredAt: true,
          attempts: { orderBy: { startedAt: "asc" } },
        },
      });
      expect(delivery).toMatchObject({ status: "DELIVERED", attemptCount: 2 });
      expect(delivery.attempts.map((a) => [a.statusCode, a.error])).toEqual([
        [500, "The receiver answered 500."],
        [200, null],
      ]);
      for (const attempt of delivery.attempts) expect(attempt.durationMs).toBeGreaterThanOrEqual(0);

      // "Resend": the same event, as a delivery of its own, audited.
      const admin = await createTestUser("ADMIN");
      const resent = await resendWebhookDelivery({ deliveryId: id }, context(admin));
      const copy = await db.webhookDelivery.findUniqueOrThrow({ where: { id: resent.id } });
      const original = await db.webhookDelivery.findUniqueOrThrow({ where: { id } });
      expect(copy).toMatchObject({
        eventId: original.eventId,
        body: original.body,
        resendOfId: id,
        status: "PENDING",
      });
      await deliverWebhook(resent.id, { id: "job-2", retryCount: 0 });
      expect(receiver.received).toHaveLength(3);
      expect(receiver.received[2]!.valid).toBe(true);
      expect(
        await db.auditLog.count({
          where: { action: "webhook.resend", entityId: endpoint.id, actorId: admin.id },
        }),
      ).toBe(1);
    } finally {
      await receiver.close();
    }
  });
});

describe("the job queue", () => {
  const runs: string[] = [];
  const flaky = defineJob<{ label: string }>(
    "tests.flaky",
    async ({ label }, job) => {
      runs.push(`${label}#${job.retryCount}`);
      if (job.retryCount === 0) throw new Error(`${label} fails once`);
    },
    { retryLimit: 2, retryDelaySeconds: 1, retryBackoff: true, pollingIntervalSeconds: 0.5 },
  );

  beforeAll(async () => {
    await startJobQueue(process.env.DATABASE_URL!, () => {});
  });
  afterAll(async () => {
    await stopJobQueue();
  });

  async function until(check: () => Promise<boolean> | boolean, what: string, ms = 15_000) {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      if (await check()) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`Timed out waiting for ${what}.`);
  }

  it("writes a job only with the transaction that asked for it, and retries a failure with backoff", async () => {
    await db
      .$transaction(async (tx) => {
        await enqueueJob(flaky, { label: "rolled-back" }, { tx });
        throw new Error("the change failed");
      })
      .catch(() => {});
    await db.$transaction((tx) => enqueueJob(flaky, { label: "committed" }, { tx }));

    await until(() => runs.includes("committed#1"), "the retry");
    expect(runs.filter((r) => r.startsWith("committed"))).toEqual(["committed#0", "committed#1"]);
    expect(runs.some((r) => r.startsWith("rolled-back"))).toBe(false);
    await until(async () => {
      const [row] = await db.$queryRaw<{ state: string }[]>`
        SELECT state::text FROM pgboss.job WHERE name = 'tests.flaky'`;
      return row?.state === "completed";
    }, "completion");
    const rows = await db.$queryRaw<{ retry_count: number }[]>`
      SELECT retry_count FROM pgboss.job WHERE name = 'tests.flaky'`;
    expect(rows).toEqual([{ retry_count: 1 }]);
  });

  it("queues a webhook delivery in the transaction of the event", async () => {
    const endpoint = await endpointFor("http://127.0.0.1:9/queued", ["comment.approved"]);
    await db
      .$transaction(async (tx) => {
        await emitWebhookEvent("comment.approved", { comment: { id: "c1" } }, tx);
        throw new Error("the moderation failed");
      })
      .catch(() => {});
    expect(await db.webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(0);

    await emitWebhookEvent("comment.approved", { comment: { id: "c2" } });
    const delivery = await db.webhookDelivery.findFirstOrThrow({
      where: { endpointId: endpoint.id },
      select: { jobId: true },
    });
    expect(delivery.jobId).toMatch(/^[0-9a-f-]{36}$/);
    const jobs = await db.$queryRaw<{ name: string }[]>`
      SELECT name FROM pgboss.job WHERE id = ${delivery.jobId}::uuid`;
    expect(jobs).toEqual([{ name: "webhooks.deliver" }]);
    // Keep the worker from trying the unreachable address while the file ends.
    await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { active: false } });
  });
});
