import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="site-main">
      <h1>Not allowed</h1>
      <p>Your role does not give access to this page.</p>
      <Link href="/admin">Back to the dashboard</Link>
    </main>
  );
}
