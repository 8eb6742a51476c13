import Link from "next/link";
import { notFound } from "next/navigation";
import { DeliveryLog } from "@/components/admin/webhooks/delivery-log";
import {
  DeleteWebhookButton,
  RotateSecretButton,
  WebhookForm,
} from "@/components/admin/webhooks/webhook-form";
import { requirePagePermission } from "@/lib/platform/page-guard";
import { DELIVERY_LOG_SIZE, webhookEndpointForAdmin } from "@/lib/webhooks/endpoint-reads";
import { SIGNATURE_HEADER } from "@/lib/webhooks/signing";

export const metadata = { title: "Webhook" };

export default async function WebhookPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePagePermission("webhook.manage", `/admin/webhooks/${encodeURIComponent(id)}`);
  const loaded = await webhookEndpointForAdmin(id);
  if (!loaded) notFound();
  const { endpoint, deliveries } = loaded;
  return (
    <>
      <p>
        <Link href="/admin/webhooks">← Webhooks</Link>
      </p>
      <h1 className="break-anywhere">{endpoint.url}</h1>
      <p className="meta">Added {endpoint.createdAt.toISOString().slice(0, 10)}</p>
      <WebhookForm
        endpoint={{
          id: endpoint.id,
          url: endpoint.url,
          description: endpoint.description,
          events: endpoint.events,
          active: endpoint.active,
          version: endpoint.updatedAt.toISOString(),
        }}
      />
      <h2>Signing secret</h2>
      <p className="meta">
        Every request carries <code>{SIGNATURE_HEADER}: t=…,v1=…</code>, an HMAC-SHA256 of the timestamp and
        the body under this secret. Give it to the receiver only.
      </p>
      <div className="stack">
        <details>
          <summary>Show the secret</summary>
          <p>
            <code className="break-anywhere" data-testid="webhook-secret">
              {endpoint.secret}
            </code>
          </p>
        </details>
        <RotateSecretButton endpointId={endpoint.id} />
      </div>
      <h2>Deliveries</h2>
      <p className="meta">The latest {DELIVERY_LOG_SIZE}, newest first.</p>
      <DeliveryLog deliveries={deliveries} />
      <h2>Delete</h2>
      <DeleteWebhookButton endpoint={{ id: endpoint.id, url: endpoint.url }} />
    </>
  );
}
