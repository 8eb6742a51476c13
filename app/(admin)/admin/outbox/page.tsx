import { ColumnHeads } from "@/components/ui/data-table";
import { FilterForm, SelectFilter, TextFilter } from "@/components/ui/list-filters";
import { Pagination } from "@/components/ui/pagination";
import { mailConfigured } from "@/lib/platform/mail";
import { MAIL_STATUS_LABELS, MAIL_STATUSES, OutboxFiltersSchema } from "@/lib/platform/outbox/filters";
import { listOutbox, outboxKinds } from "@/lib/platform/outbox/list";
import { requirePagePermission } from "@/lib/platform/page-guard";

export const metadata = { title: "Outbox" };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const utc = (date: Date) => date.toISOString().slice(0, 16).replace("T", " ");

export default async function OutboxPage({ searchParams }: Props) {
  await requirePagePermission("mail.read", "/admin/outbox");
  const filters = OutboxFiltersSchema.parse(await searchParams);
  const [{ messages, total, pages }, kinds] = await Promise.all([listOutbox(filters), outboxKinds()]);
  return (
    <>
      <h1>Outbox</h1>
      <p>
        {mailConfigured()
          ? "Every message the site sends is recorded here, then delivered through the SMTP relay. Failed messages are retried with growing pauses."
          : "No SMTP relay is configured (SMTP_URL), so the site sends no mail: messages are kept here instead."}
      </p>
      <FilterForm label="Filter messages">
        <SelectFilter
          label="Status"
          name="status"
          value={filters.status}
          options={MAIL_STATUSES.map((status) => ({ value: status, label: MAIL_STATUS_LABELS[status] }))}
        />
        <SelectFilter
          label="Kind"
          name="kind"
          value={filters.kind}
          options={kinds.map((kind) => ({ value: kind, label: kind }))}
        />
        <TextFilter label="Recipient" name="to" value={filters.to} />
      </FilterForm>
      <p className="meta">
        {total} {total === 1 ? "message" : "messages"}, newest first
      </p>
      {messages.length === 0 ? (
        <p>No messages match.</p>
      ) : (
        <table className="data-table">
          <ColumnHeads columns={["Message", "Status"]} />
          <tbody>
            {messages.map((message) => (
              <tr key={message.id}>
                <td>
                  <details>
                    <summary>{message.subject}</summary>
                    <pre className="mail-body">{message.text}</pre>
                  </details>
                  <div className="meta">
                    To {message.recipient} · <code>{message.kind}</code> · recorded {utc(message.createdAt)}{" "}
                    UTC
                  </div>
                </td>
                <td>
                  <strong>{MAIL_STATUS_LABELS[message.status]}</strong>
                  {message.sentAt && <div className="meta">at {utc(message.sentAt)} UTC</div>}
                  {message.attempts > 0 && (
                    <div className="meta">
                      {message.attempts} attempt{message.attempts === 1 ? "" : "s"}
                    </div>
                  )}
                  {message.status === "HELD" && message.lastError && (
                    <div className="meta">{message.lastError}</div>
                  )}
                  {message.status === "FAILED" && (
                    <div className="meta">
                      {message.lastError}
                      {message.nextAttemptAt
                        ? ` Next try ${utc(message.nextAttemptAt)} UTC.`
                        : " No more tries."}
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination
        path="/admin/outbox"
        filters={filters}
        page={filters.page}
        pages={pages}
        previousLabel="Newer"
        nextLabel="Older"
      />
    </>
  );
}
