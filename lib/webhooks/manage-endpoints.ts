// Webhook endpoints: create, change, rotate the secret, delete; each in a transaction with its
// audit entry (the secret itself never enters the audit log). A URL is refused unless it is
// http(s) and, unless WEBHOOK_ALLOW_PRIVATE is set, its host is on a public network.
import { ActionFailure } from "@/lib/platform/actions/result";
import type { ActionContext } from "@/lib/platform/actions/run-action";
import { recordAudit } from "@/lib/platform/audit/record";
import { db } from "@/lib/platform/db";
import { env } from "@/lib/platform/env";
import { refuseTarget } from "./address-safety";
import { CreateWebhookSchema, UpdateWebhookSchema, WebhookIdSchema } from "./schema";
import type { CreateWebhookInput, UpdateWebhookInput } from "./schema";
import { newWebhookSecret } from "./signing";

export const endpointSelect = {
  id: true,
  url: true,
  description: true,
  events: true,
  active: true,
  createdAt: true,
  updatedAt: true,
} as const;

async function checkTarget(url: string): Promise<void> {
  const refusal = await refuseTarget(new URL(url), env.WEBHOOK_ALLOW_PRIVATE ?? false);
  if (refusal) throw new ActionFailure("INVALID", refusal, { url: [refusal] });
}

export async function createWebhookEndpoint(input: CreateWebhookInput, { actor, ip }: ActionContext) {
  const fields = CreateWebhookSchema.parse(input);
  await checkTarget(fields.url);
  return db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.create({
      data: { ...fields, secret: newWebhookSecret(), createdById: actor.id },
      select: endpointSelect,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "webhook.create",
      entityType: "WebhookEndpoint",
      entityId: endpoint.id,
      after: fields,
      ip,
    });
    return endpoint;
  });
}

export async function updateWebhookEndpoint(input: UpdateWebhookInput, { actor, ip }: ActionContext) {
  const { endpointId, ...fields } = UpdateWebhookSchema.parse(input);
  await checkTarget(fields.url);
  return db.$transaction(async (tx) => {
    const before = await tx.webhookEndpoint.findUnique({ where: { id: endpointId }, select: endpointSelect });
    if (!before) throw new ActionFailure("NOT_FOUND", "This webhook no longer exists.");
    const endpoint = await tx.webhookEndpoint.update({
      where: { id: endpointId },
      data: fields,
      select: endpointSelect,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "webhook.update",
      entityType: "WebhookEndpoint",
      entityId: endpointId,
      before: {
        url: before.url,
        description: before.description,
        events: before.events,
        active: before.active,
      },
      after: fields,
      ip,
    });
    return endpoint;
  });
}

/** A new secret; the old one stops signing at once. */
export async function rotateWebhookSecret(input: { endpointId: string }, { actor, ip }: ActionContext) {
  const { endpointId } = WebhookIdSchema.parse(input);
  return db.$transaction(async (tx) => {
    const { count } = await tx.webhookEndpoint.updateMany({
      where: { id: endpointId },
      data: { secret: newWebhookSecret() },
    });
    if (count === 0) throw new ActionFailure("NOT_FOUND", "This webhook no longer exists.");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "webhook.rotateSecret",
      entityType: "WebhookEndpoint",
      entityId: endpointId,
      ip,
    });
  });
}

/** Deletes the endpoint and its delivery log; deliveries still queued find nothing and stop. */
export async function deleteWebhookEndpoint(input: { endpointId: string }, { actor, ip }: ActionContext) {
  const { endpointId } = WebhookIdSchema.parse(input);
  return db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findUnique({
      where: { id: endpointId },
      select: endpointSelect,
    });
    if (!endpoint) throw new ActionFailure("NOT_FOUND", "This webhook no longer exists.");
    await tx.webhookEndpoint.delete({ where: { id: endpointId } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "webhook.delete",
      entityType: "WebhookEndpoint",
      entityId: endpointId,
      before: { url: endpoint.url, events: endpoint.events, active: endpoint.active },
      ip,
    });
    return endpoint;
  });
}
