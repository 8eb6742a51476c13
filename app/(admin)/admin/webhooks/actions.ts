"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/platform/actions/define-action";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  rotateWebhookSecret,
  updateWebhookEndpoint,
} from "@/lib/webhooks/manage-endpoints";
import { resendWebhookDelivery } from "@/lib/webhooks/resend";
import {
  CreateWebhookSchema,
  ResendDeliverySchema,
  UpdateWebhookSchema,
  WebhookIdSchema,
} from "@/lib/webhooks/schema";

function refresh(endpointId?: string) {
  revalidatePath("/admin/webhooks");
  if (endpointId) revalidatePath(`/admin/webhooks/${endpointId}`);
}

export const createWebhook = defineAction({
  permission: "webhook.manage",
  schema: CreateWebhookSchema,
  async handler(input, context) {
    const endpoint = await createWebhookEndpoint(input, context);
    refresh(endpoint.id);
    return {
      ok: true,
      message: `Added the webhook for ${endpoint.url}. Its signing secret is on its page.`,
      redirectTo: `/admin/webhooks/${endpoint.id}`,
    };
  },
});

export const updateWebhook = defineAction({
  permission: "webhook.manage",
  schema: UpdateWebhookSchema,
  async handler(input, context) {
    const endpoint = await updateWebhookEndpoint(input, context);
    refresh(endpoint.id);
    return {
      ok: true,
      message: endpoint.active
        ? `Saved. Events go to ${endpoint.url}.`
        : "Saved. This webhook is off: no events are sent.",
    };
  },
});

export const rotateSecret = defineAction({
  permission: "webhook.manage",
  schema: WebhookIdSchema,
  async handler(input, context) {
    await rotateWebhookSecret(input, context);
    refresh(input.endpointId);
    return { ok: true, message: "A new secret signs every request from now on; give it to the receiver." };
  },
});

export const deleteWebhook = defineAction({
  permission: "webhook.manage",
  schema: WebhookIdSchema,
  async handler(input, context) {
    const endpoint = await deleteWebhookEndpoint(input, context);
    refresh();
    return { ok: true, message: `Deleted the webhook for ${endpoint.url}.`, redirectTo: "/admin/webhooks" };
  },
});

export const resendDelivery = defineAction({
  permission: "webhook.manage",
  schema: ResendDeliverySchema,
  async handler(input, context) {
    const delivery = await resendWebhookDelivery(input, context);
    refresh(delivery.endpointId);
    return { ok: true, message: `Queued ${delivery.event} again.` };
  },
});
