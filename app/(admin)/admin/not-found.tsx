import Link from "next/link";

// A staff page's notFound() (an article or authorization that does not exist, or one this user
// may not open): said inside the staff frame, with the way back.
export default function AdminNotFound() {
  return (
    <>
      <h1>Not found</h1>
      <p>
        There is nothing here, or nothing you may open. It may have been deleted, or the address is mistyped.
      </p>
      <p>
        <Link href="/admin">Back to the dashboard</Link>
      </p>
    </>
  );
}
