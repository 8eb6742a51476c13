// Reading an article's next page of comment threads (GET), posting a comment (POST,
// lib/comments/post-comment.ts) and forgetting the saved commenter (DELETE). Public: anyone may
// comment; the submission pipeline (lib/comments/submit.ts) validates, limits and moderates.
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { PUBLIC_SHORT_CACHE } from "@/lib/platform/cache/cache-control";
import { readPublic } from "@/lib/articles/visibility-change";
import { now } from "@/lib/platform/clock";
import { cacheTag } from "@/lib/platform/cache/tags";
import { forgetCommenter } from "@/lib/comments/saved-commenter";
import { getPublicComments, isCommentCursor } from "@/lib/comments/public-comments";
import { refuseCrossSite } from "@/lib/platform/http/cross-site";
import { jsonError, NO_STORE, SERVER_ERROR } from "@/lib/platform/http/json-errors";

export { postComment as POST } from "@/lib/comments/post-comment";

const ThreadPageQuery = z.object({
  article: z.string().regex(/^[\w-]{1,64}$/, "Give the article's id as `article`."),
  order: z.enum(["oldest", "newest"], "Order is oldest or newest.").default("oldest"),
  after: z.string().refine(isCommentCursor, "`after` takes the nextCursor of the previous page.").optional(),
});

/** GET ?article=<id>&order=oldest|newest&after=<cursor>: the next page of threads, as JSON. */
export async function GET(request: NextRequest) {
  const query = ThreadPageQuery.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!query.success) {
    return jsonError({ code: "INVALID", message: query.error.issues[0]!.message });
  }
  const { article, order, after = null } = query.data;
  try {
    const page = await readPublic(
      `comments:${article}:${order}:${after}`,
      now(),
      () => getPublicComments(article, order, after),
      [cacheTag.comments(article), cacheTag.articles],
    );
    return NextResponse.json(page, { headers: { "Cache-Control": PUBLIC_SHORT_CACHE } });
  } catch (error) {
    console.error(JSON.stringify({ event: "comments.get.failed", message: (error as Error).message }));
    return jsonError(SERVER_ERROR);
  }
}

export async function DELETE(request: NextRequest) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const response = new NextResponse(null, { status: 204, headers: NO_STORE });
  forgetCommenter(response);
  return response;
}
