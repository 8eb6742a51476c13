// Telling the endpoints: one delivery row per subscribed, active endpoint, and one queued job per
// delivery, both written in the transaction of the change itself, so an event is sent exactly
// when its change committed. Where no queue runs in this process (a script), the row alone is
// written and waits, as in an outbox, for a running app to queue it (requeue-outbox-job.ts).
import { randomUUID } from "node:crypto";
import { now } from "@/lib/platform/clock";
import { db, type DbTransaction } from "@/lib/platform/db";
import { enqueueJob } from "@/lib/platform/jobs/enqueue-job";
import { isJobQueueRunning } from "@/lib/platform/jobs/job-queue";
import { webhookArticle, webhookComment } from "./article-data";
import { deliverWebhookJob } from "./deliver-job";
import type { WebhookEvent } from "./events";

/** The JSON every endpoint receives. */
export interface WebhookBody<T = Record<string, unknown>> {
  /** The event's id: the same for every endpoint and on a resend, so receivers can skip repeats. */
  id: string;
  event: WebhookEvent;
  /** When it happened (ISO 8601, UTC). */
  time: string;
  data: T;
}

/**
 * Queues `event` with `data` for every active endpoint subscribed to it; returns how many.
 * Pass the transaction of the change so the event exists exactly when the change does.
 */
export async function emitWebhookEvent(
  event: WebhookEvent,
  data: Record<string, unknown>,
  tx?: DbTransaction,
): Promise<number> {
  if (!tx) return db.$transaction((inner) => emitWebhookEvent(event, data, inner));
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { active: true, events: { has: event } },
    select: { id: true },
  });
  if (endpoints.length === 0) return 0;
  const body: WebhookBody = { id: `evt_${randomUUID()}`, event, time: now().toISOString(), data };
  const text = JSON.stringify(body);
  for (const endpoint of endpoints) {
    const delivery = await tx.webhookDelivery.create({
      data: { endpointId: endpoint.id, eventId: body.id, event, body: text },
      select: { id: true },
    });
    await queueDelivery(tx, delivery.id);
  }
  return endpoints.length;
}

/** An article event: the article's public data, and `extra` (e.g. the withdrawal's reason). */
export async function emitArticleEvent(
  tx: DbTransaction,
  event: Extract<WebhookEvent, `article.${string}`>,
  articleId: string,
  extra: Record<string, unknown> = {},
): Promise<number> {
  const subscribed = await tx.webhookEndpoint.count({ where: { active: true, events: { has: event } } });
  if (subscribed === 0) return 0;
  const article = await webhookArticle(tx, articleId);
  if (!article) return 0;
  return emitWebhookEvent(event, { article, ...extra }, tx);
}

/** A comment event: the comment as readers see it, and its article's public data. */
export async function emitCommentEvent(
  tx: DbTransaction,
  event: Extract<WebhookEvent, `comment.${string}`>,
  commentId: string,
): Promise<number> {
  const subscribed = await tx.webhookEndpoint.count({ where: { active: true, events: { has: event } } });
  if (subscribed === 0) return 0;
  const comment = await webhookComment(tx, commentId);
  if (!comment) return 0;
  return emitWebhookEvent(event, { comment, article: await webhookArticle(tx, comment.articleId) }, tx);
}

/** Queues the job for a delivery row (in `tx`), unless no queue runs here: then it waits. */
export async function queueDelivery(tx: DbTransaction, deliveryId: string): Promise<void> {
  if (!isJobQueueRunning()) return;
  const jobId = await enqueueJob(deliverWebhookJob, { deliveryId }, { tx });
  await tx.webhookDelivery.update({ where: { id: deliveryId }, data: { jobId } });
}
