import { readPublic } from "@/lib/articles/visibility-change";
import { now } from "@/lib/platform/clock";
import { buildFeed } from "@/lib/feeds/data";
import { decodeSlug, feedResponse } from "@/lib/feeds/response";

// Per request: the build has no database, and what is public changes with the clock.
export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const slug = decodeSlug((await params).slug);
  return feedResponse(
    slug === null
      ? null
      : await readPublic(`feed:tag:${slug}`, now(), () => buildFeed({ kind: "tag", slug }, now())),
  );
}
