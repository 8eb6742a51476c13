import Link from "next/link";

export default function NotFound() {
  return (
    <main className="site-main">
      <h1>Page not found</h1>
      <p>There is nothing at this address. It may have moved, or never existed.</p>
      <Link href="/">Go to the front page</Link>
    </main>
  );
}
