// The link in the confirmation mail lands here. Confirming takes a click: mail scanners that
// fetch every link in a message must not confirm on the reader's behalf.
import type { Metadata } from "next";
import Link from "next/link";
import { REPLY_CONFIRM_API } from "@/lib/comments/reply-notifications";

export const metadata: Metadata = { title: "Reply notifications", robots: { index: false } };

interface Props {
  searchParams: Promise<{ token?: string | string[]; result?: string | string[] }>;
}

export default async function ConfirmReplyNotificationsPage({ searchParams }: Props) {
  const { token, result } = await searchParams;
  if (result === "confirmed") {
    return (
      <>
        <h1>Reply notifications are on</h1>
        <p>
          We will mail you when a reply to your comment is published. Each message has a link to stop them.
        </p>
        <p>
          <Link href="/">Go to the front page</Link>
        </p>
      </>
    );
  }
  if (typeof token !== "string" || result === "invalid") {
    return (
      <>
        <h1>This confirmation link does not work</h1>
        <p>
          It has been used already, or it is more than a week old. To get reply notifications, tick the box
          when you next comment.
        </p>
        <p>
          <Link href="/">Go to the front page</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Confirm reply notifications</h1>
      <form className="stack" method="post" action={REPLY_CONFIRM_API}>
        <input type="hidden" name="token" value={token} />
        <p>We will mail you when someone replies to your comment, until you tell us to stop.</p>
        <button type="submit">Yes, mail me replies</button>
      </form>
    </>
  );
}
