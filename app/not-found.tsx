import Link from "next/link";
import { SiteChrome } from "@/components/site/site-chrome";

// Not-found answers render outside the route groups' layouts: this one brings the site's frame.
export default function NotFound() {
  return (
    <SiteChrome>
      <h1>Page not found</h1>
      <p>There is nothing at this address. It may have moved, or never existed. Try a search above.</p>
      <Link href="/">Go to the front page</Link>
    </SiteChrome>
  );
}
