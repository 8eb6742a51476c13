import Link from "next/link";
import { WebhookForm } from "@/components/admin/webhooks/webhook-form";
import { requirePagePermission } from "@/lib/platform/page-guard";

export const metadata = { title: "New webhook" };

export default async function NewWebhookPage() {
  await requirePagePermission("webhook.manage", "/admin/webhooks/new");
  return (
    <>
      <p>
        <Link href="/admin/webhooks">← Webhooks</Link>
      </p>
      <h1>New webhook</h1>
      <p className="meta">A signing secret is made for it; its page shows the secret to give the receiver.</p>
      <WebhookForm />
    </>
  );
}
