import { NotFoundNotice } from "@/components/site/not-found-notice";
import { SiteChrome } from "@/components/site/site-chrome";

// Addresses that match no route render outside the route groups' layouts: this brings the site's
// frame. A notFound() inside the public pages is app/(site)/not-found.tsx, already in the frame.
export default function NotFound() {
  return (
    <SiteChrome>
      <NotFoundNotice />
    </SiteChrome>
  );
}
