// The link in the confirmation mail lands here. Confirming takes a click: mail scanners that
// fetch every link in a message must not confirm on the reader's behalf.
import type { Metadata } from "next";
import { LinkOutcome, TokenForm } from "@/components/comments/notification-link-page";
import { REPLY_CONFIRM_API } from "@/lib/comments/reply-notifications";

export const metadata: Metadata = { title: "Reply notifications", robots: { index: false } };

interface Props {
  searchParams: Promise<{ token?: string | string[]; result?: string | string[] }>;
}

export default async function ConfirmReplyNotificationsPage({ searchParams }: Props) {
  const { token, result } = await searchParams;
  if (result === "confirmed") {
    return (
      <LinkOutcome title="Reply notifications are on">
        We will mail you when a reply to your comment is published. Each message has a link to stop them.
      </LinkOutcome>
    );
  }
  if (typeof token !== "string" || result === "invalid") {
    return (
      <LinkOutcome title="This confirmation link does not work">
        It has been used already, or it is more than a week old. To get reply notifications, tick the box when
        you next comment.
      </LinkOutcome>
    );
  }
  return (
    <TokenForm
      title="Confirm reply notifications"
      action={REPLY_CONFIRM_API}
      token={token}
      explanation="We will mail you when someone replies to your comment, until you tell us to stop."
      button="Yes, mail me replies"
    />
  );
}
