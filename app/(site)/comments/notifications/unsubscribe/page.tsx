// The unsubscribe link in a reply notification lands here; stopping takes one click (a mail
// client's one-click unsubscribe posts to the API directly).
import type { Metadata } from "next";
import Link from "next/link";
import { REPLY_UNSUBSCRIBE_API } from "@/lib/comments/reply-notifications";

export const metadata: Metadata = { title: "Stop reply notifications", robots: { index: false } };

interface Props {
  searchParams: Promise<{ token?: string | string[]; result?: string | string[] }>;
}

export default async function UnsubscribeReplyNotificationsPage({ searchParams }: Props) {
  const { token, result } = await searchParams;
  if (result === "unsubscribed") {
    return (
      <>
        <h1>You are unsubscribed</h1>
        <p>You will get no more mail about replies to this comment.</p>
        <p>
          <Link href="/">Go to the front page</Link>
        </p>
      </>
    );
  }
  if (typeof token !== "string" || result === "invalid") {
    return (
      <>
        <h1>This unsubscribe link does not work</h1>
        <p>Open the link from the most recent reply notification again.</p>
        <p>
          <Link href="/">Go to the front page</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Stop reply notifications</h1>
      <form className="stack" method="post" action={REPLY_UNSUBSCRIBE_API}>
        <input type="hidden" name="token" value={token} />
        <p>You will get no more mail about replies to this comment.</p>
        <button type="submit">Unsubscribe</button>
      </form>
    </>
  );
}
