// The notice a withdrawn article's URL answers with, status 451 (proxy.ts rewrites the URL here;
// see lib/rights/withdrawn.ts). Its own address is kept out of search engines.
import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = {
  title: "Unavailable for legal reasons",
  robots: { index: false, follow: true },
};

export default function WithdrawnNotice() {
  return (
    <>
      <h1>This article is no longer available</h1>
      <p>
        We reprinted it with the permission of its rights holder. That permission has ended, so we no longer
        publish it.
      </p>
      <p>
        <Link href="/">Go to the front page</Link>, or search the site above.
      </p>
    </>
  );
}
