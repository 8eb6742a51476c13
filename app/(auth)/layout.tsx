import type { ReactNode } from "react";
import { SiteLanguageDocument } from "../document";

export { rootMetadata as generateMetadata } from "../document";

export default function RootLayout({ children }: { children: ReactNode }) {
  return <SiteLanguageDocument>{children}</SiteLanguageDocument>;
}
