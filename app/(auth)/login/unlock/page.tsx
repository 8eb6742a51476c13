import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Unlock sign-in", robots: { index: false } };

interface Props {
  searchParams: Promise<{ token?: string | string[]; result?: string | string[] }>;
}

// The link from the unlock mail lands here. Using it takes a click: mail scanners that fetch
// every link in a message must not spend it.
export default async function UnlockPage({ searchParams }: Props) {
  const { token, result } = await searchParams;
  if (result === "unlocked") {
    return (
      <main className="auth-page">
        <h1>Your sign-in is unlocked</h1>
        <p>You can sign in from this browser now.</p>
        <p>
          <Link href="/login">Sign in</Link>
        </p>
      </main>
    );
  }
  if (typeof token !== "string" || result === "invalid") {
    return (
      <main className="auth-page">
        <h1>This unlock link does not work</h1>
        <p>
          It has been used already or has expired. Wait until the delay is over, or sign in from a device you
          have signed in from before.
        </p>
        <p>
          <Link href="/login">Sign in</Link>
        </p>
      </main>
    );
  }
  return (
    <main className="auth-page">
      <h1>Unlock your sign-in</h1>
      <form className="stack" method="post" action="/api/login/unlock">
        <input type="hidden" name="token" value={token} />
        <p>This lets you sign in from this browser again, even while someone keeps guessing your password.</p>
        <button type="submit">Unlock my account</button>
      </form>
    </main>
  );
}
