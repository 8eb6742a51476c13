// A reader reports a comment: POST { reason }. Public, limited per address (lib/comments/report.ts).
// A repeated report from the same address gets the same answer as the first.
import { NextResponse, type NextRequest } from "next/server";
import { reportComment } from "@/lib/comments/report";
import { clientIpFromHeaders } from "@/lib/platform/http/client-ip";
import { refuseCrossSite } from "@/lib/platform/http/cross-site";
import { jsonError, NO_STORE, SERVER_ERROR } from "@/lib/platform/http/json-errors";
import { readBody } from "@/lib/platform/http/read-body";

export async function POST(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  try {
    const body = await readBody(request);
    if (!body.ok) return jsonError(body.refusal);
    const result = await reportComment((await params).id, body.fields, {
      ip: clientIpFromHeaders(request.headers),
    });
    if (!result.ok) return jsonError(result);
    return NextResponse.json({ status: "received" }, { status: 200, headers: NO_STORE });
  } catch (error) {
    console.error(JSON.stringify({ event: "comments.report.failed", message: (error as Error).message }));
    return jsonError(SERVER_ERROR);
  }
}
