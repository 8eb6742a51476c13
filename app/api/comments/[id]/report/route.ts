// A reader reports a comment: POST { reason }. Public, limited per address (lib/comments/report.ts).
// A repeated report from the same address gets the same answer as the first.
import { NextResponse, type NextRequest } from "next/server";
import {
  crossSiteRefusal,
  errorResponse,
  NO_STORE,
  readFields,
  serverError,
  unreadableBody,
} from "@/lib/comments/http";
import { reportComment } from "@/lib/comments/report";
import { clientIpFromHeaders } from "@/lib/platform/http/client-ip";

export async function POST(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const refused = crossSiteRefusal(request);
  if (refused) return refused;
  try {
    const fields = await readFields(request);
    if (!fields) return unreadableBody();
    const result = await reportComment((await params).id, fields, {
      ip: clientIpFromHeaders(request.headers),
    });
    if (!result.ok) return errorResponse(result);
    return NextResponse.json({ status: "received" }, { status: 200, headers: NO_STORE });
  } catch (error) {
    console.error(JSON.stringify({ event: "comments.report.failed", message: (error as Error).message }));
    return serverError();
  }
}
