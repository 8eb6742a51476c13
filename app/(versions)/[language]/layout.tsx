// Pages in another language than the site's: an original published beside its translation, at
// /<language>/articles/<slug>. A root layout of its own, so the document says its language.
import type { ReactNode } from "react";
import { SiteChrome } from "@/components/site/site-chrome";
import { isKnownLanguage } from "@/lib/platform/languages";
import { HtmlDocument } from "../../document";

export { rootMetadata as generateMetadata } from "../../document";

export default async function LanguageVersionLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ language: string }>;
}) {
  const { language } = await params;
  // The proxy lets only the site's known languages this far; "und" (undetermined) is for anything else.
  const lang = isKnownLanguage(language) ? language : "und";
  return (
    <HtmlDocument lang={lang}>
      <SiteChrome pageLanguage={lang}>{children}</SiteChrome>
    </HtmlDocument>
  );
}
