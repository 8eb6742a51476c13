// POST token=<from the confirmation mail>: confirms a commenter's reply notifications (double
// opt-in) and sends the browser back to the confirmation page with the outcome. Anonymous by
// nature: the one-time token is the permission.
import type { NextRequest } from "next/server";
import {
  confirmReplyNotifications,
  REPLY_CONFIRM_PATH,
  ReplyTokenSchema,
} from "@/lib/comments/reply-notifications";
import { jsonError, NO_STORE } from "@/lib/platform/http/json-errors";
import { readBody } from "@/lib/platform/http/read-body";

export async function POST(request: NextRequest) {
  const body = await readBody(request);
  if (!body.ok) return jsonError(body.refusal);
  const parsed = ReplyTokenSchema.safeParse(body.fields);
  if (!parsed.success) return jsonError({ code: "INVALID", message: parsed.error.issues[0]!.message });
  const confirmed = await confirmReplyNotifications(parsed.data.token);
  const location = `${REPLY_CONFIRM_PATH}?result=${confirmed ? "confirmed" : "invalid"}`;
  return new Response(null, { status: 303, headers: { Location: location, ...NO_STORE } });
}
