import Link from "next/link";
import type { ReactNode } from "react";
import { siteIdentity } from "@/lib/site/identity";

export default async function SiteLayout({ children }: { children: ReactNode }) {
  const { title, tagline, logo } = await siteIdentity();
  return (
    <>
      <header className="site-header">
        <Link href="/" className="site-title">
          {logo && (
            // eslint-disable-next-line @next/next/no-img-element -- already resized; the title names the link
            <img src={logo.iconUrl} alt="" className="site-logo" width={32} height={32} />
          )}
          {title}
        </Link>
        {tagline && <span className="meta site-tagline">{tagline}</span>}
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
