// The public site's frame: header (title, tagline, search), main and footer. Public pages get it
// from app/(site)/layout.tsx; the not-found page, which renders outside that layout, uses it too.
import Link from "next/link";
import type { ReactNode } from "react";
import { SITE_FEED } from "@/lib/seo/feed-links";
import { HeaderSearch } from "./header-search";
import { RssIcon } from "./rss-icon";

export function SiteChrome({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="site-header">
        <Link href="/" className="site-title">
          Crosscurrent
        </Link>
        <span className="meta site-tagline">Commentary across borders, reprinted with permission</span>
        <HeaderSearch />
      </header>
      <main className="site-main">{children}</main>
      <footer className="site-footer meta">
        <p>Reprinted pieces appear with the authorization of their rights holders.</p>
        <p>
          <a className="feed-link" href={SITE_FEED.url}>
            <RssIcon /> RSS feed
          </a>
        </p>
      </footer>
    </>
  );
}
