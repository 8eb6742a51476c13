// POST token=<from the confirmation mail>: confirms a commenter's reply notifications (double
// opt-in) and sends the browser back to the confirmation page with the outcome. Anonymous by
// nature: the one-time token is the permission.
import { NextResponse, type NextRequest } from "next/server";
import {
  confirmReplyNotifications,
  REPLY_CONFIRM_PATH,
  ReplyTokenSchema,
} from "@/lib/comments/reply-notifications";
import { NO_STORE } from "@/lib/platform/http/json-errors";

export async function POST(request: NextRequest) {
  const form = await request.formData().catch(() => null);
  const parsed = ReplyTokenSchema.safeParse(form ? Object.fromEntries(form.entries()) : {});
  if (!parsed.success) {
    return NextResponse.json(
      { ok: false, code: "INVALID", message: parsed.error.issues[0]!.message },
      { status: 400, headers: NO_STORE },
    );
  }
  const confirmed = await confirmReplyNotifications(parsed.data.token);
  const location = `${REPLY_CONFIRM_PATH}?result=${confirmed ? "confirmed" : "invalid"}`;
  return new Response(null, { status: 303, headers: { Location: location, ...NO_STORE } });
}
