import type { ReactNode } from "react";
import { SiteChrome } from "@/components/site/site-chrome";
import { SiteLanguageDocument } from "../document";

export { rootMetadata as generateMetadata } from "../document";

export default function SiteLayout({ children }: { children: ReactNode }) {
  return (
    <SiteLanguageDocument>
      <SiteChrome>{children}</SiteChrome>
    </SiteLanguageDocument>
  );
}
