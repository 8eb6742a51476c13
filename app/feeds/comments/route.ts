import { now } from "@/lib/platform/clock";
import { buildCommentsFeed } from "@/lib/feeds/comments";
import { feedResponse } from "@/lib/feeds/response";

// Per request, like the article feeds: the build has no database.
export const dynamic = "force-dynamic";

export async function GET() {
  return feedResponse(await buildCommentsFeed({ kind: "site" }, now()));
}
