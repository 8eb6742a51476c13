import type { Metadata } from "next";
import type { ReactNode } from "react";
import { env } from "@/lib/platform/env";
import { pageAlternates } from "@/lib/seo/feed-links";
import { siteIcon, siteIdentity } from "@/lib/site/identity";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
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

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { language } = await siteIdentity();
  return (
    <html lang={language}>
      <body>{children}</body>
    </html>
  );
}
