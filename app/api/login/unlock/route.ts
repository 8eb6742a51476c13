// POST token=<from the unlock mail>: spends the one-time link and sends the browser back to the
// unlock page with the outcome. Anonymous by nature: the token is the permission. A malformed
// body or token is refused with the one JSON error shape.
import type { NextRequest } from "next/server";
import { unlockWithToken, UnlockInputSchema, UNLOCK_PATH } from "@/lib/platform/auth/unlock";
import { clientIpFromHeaders } from "@/lib/platform/http/client-ip";
import { refuseCrossSite } from "@/lib/platform/http/cross-site";
import { jsonError } from "@/lib/platform/http/json-errors";
import { readBody } from "@/lib/platform/http/read-body";

export async function POST(request: NextRequest) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const body = await readBody(request);
  if (!body.ok) return jsonError(body.refusal);
  const parsed = UnlockInputSchema.safeParse(body.fields);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "The unlock link is incomplete.";
    return jsonError({ code: "INVALID", message, fieldErrors: { token: [message] } });
  }
  const unlocked = await unlockWithToken(parsed.data.token, clientIpFromHeaders(request.headers));
  const location = `${UNLOCK_PATH}?result=${unlocked ? "unlocked" : "invalid"}`;
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
}
