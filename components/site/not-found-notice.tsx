import Link from "next/link";

/** What a not-found answer says, inside whichever frame it is shown in. */
export function NotFoundNotice() {
  return (
    <>
      <h1>Page not found</h1>
      <p>There is nothing at this address. It may have moved, or never existed. Try a search above.</p>
      <Link href="/">Go to the front page</Link>
    </>
  );
}
