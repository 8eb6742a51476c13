import { publicRead } from "@/lib/platform/cache/public-reads";
import { now } from "@/lib/platform/clock";
import { buildFeed } from "@/lib/feeds/data";
import { feedResponse } from "@/lib/feeds/response";

// Per request: the build has no database, and what is public changes with the clock.
export const dynamic = "force-dynamic";

export async function GET() {
  return feedResponse(await publicRead("feed:site", () => buildFeed({ kind: "site" }, now())));
}
