import Link from "next/link";
import type { ReactNode } from "react";

export default function SiteLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="site-header">
        <Link href="/" className="site-title">
          Crosscurrent
        </Link>
        <span className="meta site-tagline">Commentary across borders, reprinted with permission</span>
        <form role="search" action="/search" className="site-search">
          <input type="search" name="q" aria-label="Search the site" placeholder="Search" maxLength={200} />
        </form>
      </header>
      <main className="site-main">{children}</main>
      <footer className="site-footer meta">
        Reprinted pieces appear with the authorization of their rights holders.
      </footer>
    </>
  );
}
