// Delivering one webhook: a job on the queue (lib/platform/jobs). Each attempt is logged on the
// delivery; a timeout or a non-2xx answer fails the job, and the queue retries it with
// exponential backoff (WEBHOOK_RETRY_DELAY_SECONDS, doubling, with jitter) for about a day.
// A delivered (or abandoned) delivery is never sent again by its job: only "Resend" sends it anew.
import { now } from "@/lib/platform/clock";
import { db } from "@/lib/platform/db";
import { env } from "@/lib/platform/env";
import { defineJob, type JobInfo } from "@/lib/platform/jobs/define-job";
import { DELIVERY_TIMEOUT_MS, postWebhook } from "./post-webhook";
import { SIGNATURE_HEADER, signatureHeader } from "./signing";

/**
 * Retries after the first attempt. With the default 30 s delay, retry n waits 30·2ⁿ⁻¹ to 30·2ⁿ s:
 * the last of 11 retries comes 17 to 34 hours after the event (about a day, jittered).
 */
export const DELIVERY_RETRY_LIMIT = 11;

export const deliverWebhookJob = defineJob<{ deliveryId: string }>(
  "webhooks.deliver",
  async ({ deliveryId }, job) => deliverWebhook(deliveryId, job),
  {
    retryLimit: DELIVERY_RETRY_LIMIT,
    retryDelaySeconds: env.WEBHOOK_RETRY_DELAY_SECONDS,
    retryBackoff: true,
    // An attempt cut short by a dead instance is retried once this has passed.
    expireInSeconds: DELIVERY_TIMEOUT_MS / 1000 + 5,
    pollingIntervalSeconds: 1,
  },
);

export class DeliveryFailed extends Error {}

export async function deliverWebhook(deliveryId: string, job: JobInfo): Promise<void> {
  const delivery = await db.webhookDelivery.findUnique({
    where: { id: deliveryId },
    select: {
      id: true,
      event: true,
      body: true,
      status: true,
      endpoint: { select: { url: true, active: true, secret: true } },
    },
  });
  if (!delivery || delivery.status !== "PENDING") return;
  const startedAt = now();
  if (!delivery.endpoint.active) {
    await recordAttempt(deliveryId, startedAt, 0, null, "The endpoint was turned off; not sent.", "FAILED");
    return;
  }
  const started = performance.now();
  const outcome = await postWebhook(
    delivery.endpoint.url,
    delivery.body,
    {
      "Content-Type": "application/json",
      "User-Agent": "Crosscurrent-Webhooks/1",
      "Crosscurrent-Event": delivery.event,
      "Crosscurrent-Delivery": delivery.id,
      [SIGNATURE_HEADER]: signatureHeader(delivery.endpoint.secret, delivery.body, startedAt),
    },
    { allowPrivate: env.WEBHOOK_ALLOW_PRIVATE ?? false },
  );
  const durationMs = Math.round(performance.now() - started);
  if (outcome.ok) {
    await recordAttempt(deliveryId, startedAt, durationMs, outcome.statusCode, null, "DELIVERED");
    return;
  }
  const lastTry = outcome.permanent || job.retryCount >= DELIVERY_RETRY_LIMIT;
  await recordAttempt(
    deliveryId,
    startedAt,
    durationMs,
    outcome.statusCode,
    outcome.error,
    lastTry ? "FAILED" : "PENDING",
  );
  // Failing the job is what makes the queue retry it.
  if (!lastTry) throw new DeliveryFailed(outcome.error);
}

async function recordAttempt(
  deliveryId: string,
  startedAt: Date,
  durationMs: number,
  statusCode: number | null,
  error: string | null,
  status: "PENDING" | "DELIVERED" | "FAILED",
) {
  await db.$transaction([
    db.webhookAttempt.create({ data: { deliveryId, startedAt, durationMs, statusCode, error } }),
    db.webhookDelivery.updateMany({
      where: { id: deliveryId, status: "PENDING" },
      data: {
        attemptCount: { increment: 1 },
        status,
        ...(status === "DELIVERED" ? { deliveredAt: now() } : {}),
      },
    }),
  ]);
}
