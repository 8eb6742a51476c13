// Ends a commenter's reply notifications. Two callers: the unsubscribe page's button (a form
// with the token, answered with a redirect to the page), and a mail client's one-click
// unsubscribe (RFC 8058: a POST to the List-Unsubscribe address, token in the query, body
// "List-Unsubscribe=One-Click", answered 200). Anonymous by nature: the token is the permission.
import { NextResponse, type NextRequest } from "next/server";
import {
  REPLY_UNSUBSCRIBE_PATH,
  ReplyTokenSchema,
  unsubscribeReplyNotifications,
} from "@/lib/comments/reply-notifications";
import { jsonError, NO_STORE } from "@/lib/platform/http/json-errors";
import { readBody } from "@/lib/platform/http/read-body";

export async function POST(request: NextRequest) {
  const body = await readBody(request);
  if (!body.ok) return jsonError(body.refusal);
  const oneClick = body.fields["List-Unsubscribe"] === "One-Click";
  const token = request.nextUrl.searchParams.get("token") ?? body.fields.token;
  const parsed = ReplyTokenSchema.safeParse({ token });
  if (!parsed.success) return jsonError({ code: "INVALID", message: parsed.error.issues[0]!.message });
  const unsubscribed = await unsubscribeReplyNotifications(parsed.data.token);
  if (oneClick) {
    if (!unsubscribed)
      return jsonError({ code: "NOT_FOUND", message: "This unsubscribe link is not known." });
    return NextResponse.json(
      { message: "You will get no more reply notifications for this comment." },
      { headers: NO_STORE },
    );
  }
  const location = `${REPLY_UNSUBSCRIBE_PATH}?result=${unsubscribed ? "unsubscribed" : "invalid"}`;
  return new Response(null, { status: 303, headers: { Location: location, ...NO_STORE } });
}
