// The public site's frame: header (title, tagline, search), main and footer. Public pages get it
// from app/(site)/layout.tsx; the not-found page, which renders outside that layout, uses it too.
import Link from "next/link";
import type { ReactNode } from "react";
import { SITE_FEED } from "@/lib/seo/feed-links";
import { siteIdentity } from "@/lib/site/identity";
import { HeaderSearch } from "./header-search";
import { SiteTimeZone } from "./local-time";
import { RssIcon } from "./rss-icon";

export async function SiteChrome({ children }: { children: ReactNode }) {
  const { title, tagline, logo, timeZone } = await siteIdentity();
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
        <HeaderSearch />
      </header>
      <main className="site-main">
        <SiteTimeZone timeZone={timeZone}>{children}</SiteTimeZone>
      </main>
      <footer className="site-footer meta">
        <p>Reprinted pieces appear with the authorization of their rights holders.</p>
        <p>
          <Link href="/rights/notice">
            Report a rights problem <span lang="zh-Hans">版权投诉</span>
          </Link>
        </p>
        <p>
          <a className="feed-link" href={SITE_FEED.url}>
            <RssIcon /> RSS feed
          </a>
        </p>
      </footer>
    </>
  );
}
