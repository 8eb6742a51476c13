import { Rss } from "lucide-react";

/** The feed symbol beside a feed link; the link's words say what it is. */
export function RssIcon() {
  return <Rss aria-hidden="true" size="1em" />;
}
