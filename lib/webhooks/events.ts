// The events an endpoint may subscribe to, with the label the admin screen shows. Client-safe.

export const WEBHOOK_EVENTS = [
  "article.published",
  "article.updated",
  "article.unpublished",
  "article.withdrawn",
  "article.restored",
  "comment.approved",
  "notice.received",
] as const;

export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const WEBHOOK_EVENT_LABELS: Record<WebhookEvent, string> = {
  "article.published": "An article is published (now or at its scheduled time)",
  "article.updated": "A published article is changed",
  "article.unpublished": "A published article is unpublished or archived",
  "article.withdrawn": "A reprint is withdrawn over its rights (with the reason code)",
  "article.restored": "A withdrawn reprint is published again",
  "comment.approved": "A reader's comment is approved",
  "notice.received": "A takedown notice is received",
};

export function isWebhookEvent(value: string): value is WebhookEvent {
  return (WEBHOOK_EVENTS as readonly string[]).includes(value);
}
