// "Resend": the same event (same id and body, signed anew) as a new delivery with its own log.
import { ActionFailure } from "@/lib/platform/actions/result";
import type { ActionContext } from "@/lib/platform/actions/run-action";
import { recordAudit } from "@/lib/platform/audit/record";
import { db } from "@/lib/platform/db";
import { queueDelivery } from "./emit";
import { ResendDeliverySchema } from "./schema";

export async function resendWebhookDelivery(input: { deliveryId: string }, { actor, ip }: ActionContext) {
  const { deliveryId } = ResendDeliverySchema.parse(input);
  return db.$transaction(async (tx) => {
    const original = await tx.webhookDelivery.findUnique({
      where: { id: deliveryId },
      select: { endpointId: true, eventId: true, event: true, body: true },
    });
    if (!original) throw new ActionFailure("NOT_FOUND", "This delivery no longer exists.");
    const delivery = await tx.webhookDelivery.create({
      data: { ...original, resendOfId: deliveryId },
      select: { id: true, endpointId: true, event: true },
    });
    await queueDelivery(tx, delivery.id);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "webhook.resend",
      entityType: "WebhookEndpoint",
      entityId: original.endpointId,
      after: { deliveryId: delivery.id, resendOf: deliveryId, event: original.event },
      ip,
    });
    return delivery;
  });
}
