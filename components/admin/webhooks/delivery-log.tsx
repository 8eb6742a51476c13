// An endpoint's delivery log: each event sent, its status, attempts and how long they took.
import { ColumnHeads } from "@/components/ui/data-table";
import type { WebhookEndpointForAdmin } from "@/lib/webhooks/endpoint-reads";
import { ResendButton } from "./webhook-form";

type Delivery = WebhookEndpointForAdmin["deliveries"][number];

const STATUS_LABEL: Record<Delivery["status"], string> = {
  PENDING: "Pending",
  DELIVERED: "Delivered",
  FAILED: "Failed",
};

const STATUS_CLASS: Record<Delivery["status"], string> = {
  PENDING: "status-pill",
  DELIVERED: "status-pill status-published",
  FAILED: "status-pill status-withdrawn",
};

const time = (at: Date) => at.toISOString().slice(0, 19).replace("T", " ");

function lastAttempt(delivery: Delivery) {
  const attempt = delivery.attempts[0];
  if (!attempt) return <span className="meta">Not tried yet</span>;
  return (
    <>
      {attempt.statusCode ?? "No answer"} · {attempt.durationMs} ms
      {attempt.error && <div className="meta">{attempt.error}</div>}
    </>
  );
}

export function DeliveryLog({ deliveries }: { deliveries: Delivery[] }) {
  if (deliveries.length === 0) return <p className="meta">No events sent yet.</p>;
  return (
    <table className="data-table">
      <ColumnHeads columns={["When (UTC)", "Event", "Status", "Attempts", "Last answer", "Actions"]} />
      <tbody>
        {deliveries.map((delivery) => (
          <tr key={delivery.id} data-testid={`delivery-${delivery.id}`}>
            <td>{time(delivery.createdAt)}</td>
            <td className="address-cell">
              <code>{delivery.event}</code>
              <div className="meta">
                {delivery.eventId}
                {delivery.resendOfId && " · resent"}
              </div>
            </td>
            <td>
              <span className={STATUS_CLASS[delivery.status]}>{STATUS_LABEL[delivery.status]}</span>
            </td>
            <td>
              {delivery.attemptCount > 1 ? (
                <details>
                  <summary>{delivery.attemptCount}</summary>
                  <ul>
                    {delivery.attempts.map((attempt) => (
                      <li key={attempt.id}>
                        {time(attempt.startedAt)}: {attempt.statusCode ?? "no answer"}, {attempt.durationMs}{" "}
                        ms
                        {attempt.error && ` (${attempt.error})`}
                      </li>
                    ))}
                  </ul>
                </details>
              ) : (
                delivery.attemptCount
              )}
            </td>
            <td>{lastAttempt(delivery)}</td>
            <td>
              <ResendButton deliveryId={delivery.id} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
