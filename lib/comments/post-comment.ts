// POST /api/comments: a reader's comment, as JSON or form fields. The submission pipeline
// (submit.ts) validates, limits and moderates; this adds what belongs to HTTP: the cross-site
// check, the body, the saved commenter's cookie, and the answer. A held comment and one the
// honeypot caught get the same answer, so a bot learns nothing.
// The route exports it (app/api/comments/route.ts), and the production launcher calls it directly,
// without Next's router (lib/platform/server/direct-routes.ts, registered in instrumentation.ts):
// it must need nothing of Next's request context.
import { NextResponse, type NextRequest } from "next/server";
import { clientIpFromHeaders } from "@/lib/platform/http/client-ip";
import { refuseCrossSite } from "@/lib/platform/http/cross-site";
import { jsonError, NO_STORE, SERVER_ERROR } from "@/lib/platform/http/json-errors";
import { readBody } from "@/lib/platform/http/read-body";
import { COMMENTER_COOKIE } from "./cookie-names";
import { rememberCommenter, unsealCommenter } from "./saved-commenter";
import { submitComment } from "./submit";

const isBlank = (value: unknown) => typeof value !== "string" || value.trim() === "";
const isChecked = (value: unknown) => value === true || value === "on" || value === "true" || value === "1";

export async function postComment(request: NextRequest): Promise<Response> {
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
