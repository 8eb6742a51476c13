// Addresses that match no route (the proxy sends those that cannot have a page here too): the
// site's not-found page, in its frame. Each route group's own notFound() has its not-found.tsx.
import type { Metadata } from "next";
import { NotFoundNotice } from "@/components/site/not-found-notice";
import { SiteChrome } from "@/components/site/site-chrome";
import { rootMetadata, SiteLanguageDocument } from "./document";

export async function generateMetadata(): Promise<Metadata> {
  return { ...(await rootMetadata()), title: "Page not found", robots: { index: false } };
}

export default function GlobalNotFound() {
  return (
    <SiteLanguageDocument>
      <SiteChrome>
        <NotFoundNotice />
      </SiteChrome>
    </SiteLanguageDocument>
  );
}
