import type { Metadata } from "next";
import type { ReactNode } from "react";
import { env } from "@/lib/platform/env";
import { pageAlternates } from "@/lib/seo/feed-links";
import "./globals.css";

export const metadata: Metadata = {
  metadataBase: new URL(env.SITE_URL),
  title: { default: "Crosscurrent", template: "%s · Crosscurrent" },
  description: "Geopolitical commentary, reprinted with permission and written in-house.",
  alternates: pageAlternates(),
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
