// POST token=<from the unlock mail>: spends the one-time link and sends the browser back to the
// unlock page with the outcome. Anonymous by nature: the token is the permission.
import { NextResponse, type NextRequest } from "next/server";
import { unlockWithToken, UnlockInputSchema, UNLOCK_PATH } from "@/lib/platform/auth/unlock";
import { clientIpFromHeaders } from "@/lib/platform/http/client-ip";

export async function POST(request: NextRequest) {
  const form = await request.formData().catch(() => null);
  const parsed = UnlockInputSchema.safeParse(form ? Object.fromEntries(form.entries()) : {});
  if (!parsed.success) {
    return NextResponse.json(
      { ok: false, code: "INVALID", message: parsed.error.issues[0]!.message },
      { status: 400, headers: { "Cache-Control": "no-store" } },
    );
  }
  const unlocked = await unlockWithToken(parsed.data.token, clientIpFromHeaders(request.headers));
  const location = `${UNLOCK_PATH}?result=${unlocked ? "unlocked" : "invalid"}`;
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
}
