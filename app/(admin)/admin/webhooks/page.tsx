import Link from "next/link";
import { ColumnHeads } from "@/components/ui/data-table";
import { requirePagePermission } from "@/lib/platform/page-guard";
import { listWebhookEndpoints } from "@/lib/webhooks/endpoint-reads";

export const metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  await requirePagePermission("webhook.manage", "/admin/webhooks");
  const endpoints = await listWebhookEndpoints();
  return (
    <>
      <h1>Webhooks</h1>
      <p className="meta">
        Addresses told when articles are published, changed, unpublished, withdrawn or restored, when comments
        are approved and notices arrive: each request signed, retried for a day when it fails.
      </p>
      <p>
        <Link href="/admin/webhooks/new">New webhook</Link>
      </p>
      {endpoints.length === 0 ? (
        <p className="meta">No webhooks yet.</p>
      ) : (
        <table className="data-table">
          <ColumnHeads columns={["Address", "Events", "Status", "Deliveries"]} />
          <tbody>
            {endpoints.map((endpoint) => (
              <tr key={endpoint.id}>
                <td className="address-cell">
                  <Link href={`/admin/webhooks/${endpoint.id}`}>{endpoint.url}</Link>
                  {endpoint.description && <div className="meta">{endpoint.description}</div>}
                </td>
                <td>
                  {endpoint.events.map((event) => (
                    <div key={event}>
                      <code>{event}</code>
                    </div>
                  ))}
                </td>
                <td>
                  <span className={endpoint.active ? "status-pill status-published" : "status-pill"}>
                    {endpoint.active ? "Active" : "Off"}
                  </span>
                </td>
                <td>
                  {endpoint.deliveryCount}
                  {endpoint.failedCount > 0 && <div className="meta">{endpoint.failedCount} failed</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
