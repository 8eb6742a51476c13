import { now } from "@/lib/platform/clock";
import { buildCommentsFeed } from "@/lib/feeds/comments";
import { decodeSlug, feedResponse } from "@/lib/feeds/response";

// Per request, like the article feeds: the build has no database.
export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const slug = decodeSlug((await params).slug);
  return feedResponse(slug === null ? null : await buildCommentsFeed({ kind: "article", slug }, now()));
}
