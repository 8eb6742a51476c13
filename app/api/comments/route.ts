// Reading an article's next page of comment threads (GET), posting a comment (POST) and
// forgetting the saved commenter (DELETE). Public: anyone may comment; the submission pipeline
// (lib/comments/submit.ts) validates, limits and moderates.
// A held comment and one the honeypot caught get the same answer, so a bot learns nothing.
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { PUBLIC_SHORT_CACHE } from "@/lib/platform/cache/cache-control";
import { readPublic } from "@/lib/articles/visibility-change";
import { now } from "@/lib/platform/clock";
import { cacheTag } from "@/lib/platform/cache/tags";
import { COMMENTER_COOKIE } from "@/lib/comments/cookie-names";
import { forgetCommenter, rememberCommenter, unsealCommenter } from "@/lib/comments/saved-commenter";
import { submitComment } from "@/lib/comments/submit";
import { getPublicComments, isCommentCursor } from "@/lib/comments/public-comments";
import { clientIpFromHeaders } from "@/lib/platform/http/client-ip";
import { refuseCrossSite } from "@/lib/platform/http/cross-site";
import { jsonError, NO_STORE, SERVER_ERROR } from "@/lib/platform/http/json-errors";
import { readBody } from "@/lib/platform/http/read-body";

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

const isBlank = (value: unknown) => typeof value !== "string" || value.trim() === "";
const isChecked = (value: unknown) => value === true || value === "on" || value === "true" || value === "1";

export async function POST(request: NextRequest) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  try {
    const body = await readBody(request);
    if (!body.ok) return jsonError(body.refusal);
    const { fields } = body;
    // A saved commenter's form sends no email: it comes from the HttpOnly cookie.
    const saved = unsealCommenter(request.cookies.get(COMMENTER_COOKIE)?.value);
    const input = {
      ...fields,
      ...(saved && isBlank(fields.email) ? { email: saved.email } : {}),
      ...(saved && isBlank(fields.name) ? { name: saved.name } : {}),
    };

    const result = await submitComment(input, {
      ip: clientIpFromHeaders(request.headers),
      userAgent: request.headers.get("user-agent"),
    });
    if (!result.ok) return jsonError(result);

    const approved = result.comment.status === "APPROVED";
    const response = NextResponse.json(
      { status: approved ? "approved" : "pending", comment: result.posted },
      { status: approved ? 201 : 202, headers: NO_STORE },
    );
    if (isChecked(fields.remember)) {
      rememberCommenter(response, { name: result.accepted.name, email: result.accepted.email });
    }
    return response;
  } catch (error) {
    console.error(JSON.stringify({ event: "comments.post.failed", message: (error as Error).message }));
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
