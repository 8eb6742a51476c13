// Posting a comment (POST) and forgetting the saved commenter (DELETE). Public: anyone may
// comment; the submission pipeline (lib/comments/submit.ts) validates, limits and moderates.
// A held comment and one the honeypot caught get the same answer, so a bot learns nothing.
import { NextResponse, type NextRequest } from "next/server";
import { invalidate } from "@/lib/cache/invalidate";
import { cacheTag } from "@/lib/cache/tags";
import {
  crossSiteRefusal,
  errorResponse,
  NO_STORE,
  readFields,
  serverError,
  unreadableBody,
} from "@/lib/comments/http";
import { COMMENTER_COOKIE } from "@/lib/comments/cookie-names";
import { forgetCommenter, rememberCommenter, unsealCommenter } from "@/lib/comments/saved-commenter";
import { CommentInputSchema } from "@/lib/comments/schema";
import { submitComment } from "@/lib/comments/submit";
import { getPostedComment } from "@/lib/data/public-comments";
import { clientIpFromHeaders } from "@/lib/request-ip";

const isBlank = (value: unknown) => typeof value !== "string" || value.trim() === "";
const isChecked = (value: unknown) => value === true || value === "on" || value === "true" || value === "1";

export async function POST(request: NextRequest) {
  const refused = crossSiteRefusal(request);
  if (refused) return refused;
  try {
    const fields = await readFields(request);
    if (!fields) return unreadableBody();
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
    if (!result.ok) return errorResponse(result);

    const accepted = CommentInputSchema.parse(input);
    const approved = result.comment.status === "APPROVED";
    if (approved) await invalidate([cacheTag.comments(accepted.articleId), cacheTag.allComments]);
    const comment = await getPostedComment(result.comment.id, accepted.parentId ?? null);
    const response = NextResponse.json(
      { status: approved ? "approved" : "pending", comment },
      { status: approved ? 201 : 202, headers: NO_STORE },
    );
    if (isChecked(fields.remember)) {
      rememberCommenter(response, { name: accepted.name, email: accepted.email });
    }
    return response;
  } catch (error) {
    console.error(JSON.stringify({ event: "comments.post.failed", message: (error as Error).message }));
    return serverError();
  }
}

export async function DELETE(request: NextRequest) {
  const refused = crossSiteRefusal(request);
  if (refused) return refused;
  const response = new NextResponse(null, { status: 204, headers: NO_STORE });
  forgetCommenter(response);
  return response;
}
