import { readPublic } from "@/lib/articles/visibility-change";
import { now } from "@/lib/platform/clock";
import { buildFeed } from "@/lib/feeds/data";
import { feedResponse } from "@/lib/feeds/response";

// Per request: the build has no database, and what is public changes with the clock.
export const dynamic = "force-dynamic";

export async function GET() {
  return feedResponse(await readPublic("feed:site", now(), () => buildFeed({ kind: "site" }, now())));
}
