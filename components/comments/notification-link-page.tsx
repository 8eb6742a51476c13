// What the links in reply-notification mails show: a button that acts on the link's token (a
// click, since mail scanners fetch every link), and the outcome afterwards.
import Link from "next/link";
import type { ReactNode } from "react";

export function LinkOutcome({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <h1>{title}</h1>
      <p>{children}</p>
      <p>
        <Link href="/">Go to the front page</Link>
      </p>
    </>
  );
}

interface TokenFormProps {
  title: string;
  /** The API route the form posts the token to. */
  action: string;
  token: string;
  explanation: string;
  button: string;
}

export function TokenForm({ title, action, token, explanation, button }: TokenFormProps) {
  return (
    <>
      <h1>{title}</h1>
      <form className="stack" method="post" action={action}>
        <input type="hidden" name="token" value={token} />
        <p>{explanation}</p>
        <button type="submit">{button}</button>
      </form>
    </>
  );
}
