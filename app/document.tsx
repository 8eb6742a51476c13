// The HTML document every root layout renders. The site has several root layouts so that a page
// in another language than the site's (an original published beside its translation) can say so
// on <html lang>; each group's layout.tsx wraps its pages in this, with the language of its pages.
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { env } from "@/lib/platform/env";
import { pageAlternates } from "@/lib/seo/feed-links";
import { siteIcon, siteIdentity } from "@/lib/site/identity";
import "./globals.css";

/** What every page's metadata starts from: the site's title, description, icon and feed. */
export async function rootMetadata(): Promise<Metadata> {
  const identity = await siteIdentity();
  const icon = siteIcon(identity);
  return {
    metadataBase: new URL(env.SITE_URL),
    title: { default: identity.title, template: `%s · ${identity.title}` },
    description: identity.description,
    icons: { icon: [icon] },
    alternates: pageAlternates(),
  };
}

export function HtmlDocument({ lang, children }: { lang: string; children: ReactNode }) {
  return (
    <html lang={lang}>
      <body>{children}</body>
    </html>
  );
}

/** A document in the site's own language: every page but an original's. */
export async function SiteLanguageDocument({ children }: { children: ReactNode }) {
  const { language } = await siteIdentity();
  return <HtmlDocument lang={language}>{children}</HtmlDocument>;
}
