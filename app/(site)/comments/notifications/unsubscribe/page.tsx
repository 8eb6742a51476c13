// The unsubscribe link in a reply notification lands here; stopping takes one click (a mail
// client's one-click unsubscribe posts to the API directly).
import type { Metadata } from "next";
import { LinkOutcome, TokenForm } from "@/components/comments/notification-link-page";
import { REPLY_UNSUBSCRIBE_API } from "@/lib/comments/reply-notifications";

export const metadata: Metadata = { title: "Stop reply notifications", robots: { index: false } };

interface Props {
  searchParams: Promise<{ token?: string | string[]; result?: string | string[] }>;
}

export default async function UnsubscribeReplyNotificationsPage({ searchParams }: Props) {
  const { token, result } = await searchParams;
  if (result === "unsubscribed") {
    return (
      <LinkOutcome title="You are unsubscribed">
        You will get no more mail about replies to this comment.
      </LinkOutcome>
    );
  }
  if (typeof token !== "string" || result === "invalid") {
    return (
      <LinkOutcome title="This unsubscribe link does not work">
        Open the link from the most recent reply notification again.
      </LinkOutcome>
    );
  }
  return (
    <TokenForm
      title="Stop reply notifications"
      action={REPLY_UNSUBSCRIBE_API}
      token={token}
      explanation="You will get no more mail about replies to this comment."
      button="Unsubscribe"
    />
  );
}
