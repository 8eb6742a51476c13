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
import { NO_STORE } from "@/lib/platform/http/json-errors";

export async function POST(request: NextRequest) {
  const form = await request.formData().catch(() => null);
  const oneClick = form?.get("List-Unsubscribe") === "One-Click";
  const token = request.nextUrl.searchParams.get("token") ?? form?.get("token") ?? undefined;
  const parsed = ReplyTokenSchema.safeParse({ token });
  if (!parsed.success) {
    return NextResponse.json(
      { ok: false, code: "INVALID", message: parsed.error.issues[0]!.message },
      { status: 400, headers: NO_STORE },
    );
  }
  const unsubscribed = await unsubscribeReplyNotifications(parsed.data.token);
  if (oneClick) {
    return NextResponse.json(
      unsubscribed
        ? { ok: true, message: "You will get no more reply notifications for this comment." }
        : { ok: false, code: "NOT_FOUND", message: "This unsubscribe link is not known." },
      { status: unsubscribed ? 200 : 404, headers: NO_STORE },
    );
  }
  const location = `${REPLY_UNSUBSCRIBE_PATH}?result=${unsubscribed ? "unsubscribed" : "invalid"}`;
  return new Response(null, { status: 303, headers: { Location: location, ...NO_STORE } });
}
