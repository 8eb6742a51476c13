// The public site's frame: header (title, tagline, search), main and footer. Public pages get it
// from app/(site)/layout.tsx; the not-found page, which renders outside that layout, uses it too.
import Link from "next/link";
import type { ReactNode } from "react";
import { SITE_FEED } from "@/lib/seo/feed-links";
import { siteIdentity } from "@/lib/site/identity";
import { HeaderSearch } from "./header-search";
import { SiteTimeZone } from "./local-time";
import { RssIcon } from "./rss-icon";

/**
 * `pageLanguage`: the language of a page in another language than the site's (an original beside
 * its translation): the document says that one, and the frame, in the site's language, says its own.
 */
export async function SiteChrome({ children, pageLanguage }: { children: ReactNode; pageLanguage?: string }) {
  const { title, tagline, logo, timeZone, language } = await siteIdentity();
  const frameLanguage = pageLanguage && pageLanguage !== language ? language : undefined;
  return (
    <>
      <header className="site-header" lang={frameLanguage}>
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
      <footer className="site-footer meta" lang={frameLanguage}>
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
