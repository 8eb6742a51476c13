// A reader reports a comment: POST { reason }. Public, limited per address and per reader; the
// reader is known by the saved commenter cookie or a staff session (lib/comments/report.ts).
// The answer never says whether the report hid the comment.
import { NextResponse, type NextRequest } from "next/server";
import { COMMENTER_COOKIE } from "@/lib/comments/cookie-names";
import { reportComment } from "@/lib/comments/report";
import { unsealCommenter } from "@/lib/comments/saved-commenter";
import { clientIpFromHeaders } from "@/lib/platform/http/client-ip";
import { refuseCrossSite } from "@/lib/platform/http/cross-site";
import { jsonError, NO_STORE, SERVER_ERROR } from "@/lib/platform/http/json-errors";
import { readBody } from "@/lib/platform/http/read-body";
import { getCurrentUser } from "@/lib/platform/session";

// Only a request that carries a session cookie is worth a session lookup (next-auth's names,
// with the __Secure- prefix over https and .0, .1 … when a token is split).
const hasSessionCookie = (request: NextRequest) =>
  request.cookies.getAll().some(({ name }) => name.includes("next-auth.session-token"));

export async function POST(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  try {
    const body = await readBody(request);
    if (!body.ok) return jsonError(body.refusal);
    const saved = unsealCommenter(request.cookies.get(COMMENTER_COOKIE)?.value);
    const staff = hasSessionCookie(request) ? await getCurrentUser() : null;
    const result = await reportComment((await params).id, body.fields, {
      ip: clientIpFromHeaders(request.headers),
      savedEmail: saved?.email ?? null,
      staffUserId: staff?.id ?? null,
    });
    if (!result.ok) return jsonError(result);
    return NextResponse.json({ status: "received" }, { status: 200, headers: NO_STORE });
  } catch (error) {
    console.error(JSON.stringify({ event: "comments.report.failed", message: (error as Error).message }));
    return jsonError(SERVER_ERROR);
  }
}
