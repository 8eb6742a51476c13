import "server-only";
// What the webhook screens show: the endpoints, and one endpoint with its secret and delivery log.
import { db } from "@/lib/platform/db";
import { endpointSelect } from "./manage-endpoints";

export const DELIVERY_LOG_SIZE = 50;

export async function listWebhookEndpoints() {
  const endpoints = await db.webhookEndpoint.findMany({
    orderBy: { createdAt: "asc" },
    select: { ...endpointSelect, _count: { select: { deliveries: true } } },
  });
  const failing = await db.webhookDelivery.groupBy({
    by: ["endpointId"],
    where: { status: "FAILED" },
    _count: { _all: true },
  });
  const failed = new Map(failing.map((row) => [row.endpointId, row._count._all]));
  return endpoints.map(({ _count, ...endpoint }) => ({
    ...endpoint,
    deliveryCount: _count.deliveries,
    failedCount: failed.get(endpoint.id) ?? 0,
  }));
}

export async function webhookEndpointForAdmin(id: string) {
  const endpoint = await db.webhookEndpoint.findUnique({
    where: { id },
    select: { ...endpointSelect, secret: true },
  });
  if (!endpoint) return null;
  const deliveries = await db.webhookDelivery.findMany({
    where: { endpointId: id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: DELIVERY_LOG_SIZE,
    select: {
      id: true,
      eventId: true,
      event: true,
      status: true,
      attemptCount: true,
      createdAt: true,
      deliveredAt: true,
      resendOfId: true,
      attempts: {
        orderBy: { startedAt: "desc" },
        select: { id: true, startedAt: true, durationMs: true, statusCode: true, error: true },
      },
    },
  });
  return { endpoint, deliveries };
}

export type WebhookEndpointForAdmin = NonNullable<Awaited<ReturnType<typeof webhookEndpointForAdmin>>>;
