// Any /api address that no route answers. Every API answer is JSON, so this one is too, rather
// than the site's HTML not-found page; more specific routes always win over this catch-all.
import { NextResponse } from "next/server";

function noSuchEndpoint(): NextResponse {
  return NextResponse.json(
    {
      error: {
        code: "NOT_FOUND",
        message: "There is no API endpoint at this address. The public content API is under /api/v1.",
      },
    },
    { status: 404, headers: { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } },
  );
}

export const GET = noSuchEndpoint;
export const HEAD = noSuchEndpoint;
export const POST = noSuchEndpoint;
export const PUT = noSuchEndpoint;
export const PATCH = noSuchEndpoint;
export const DELETE = noSuchEndpoint;
export const OPTIONS = noSuchEndpoint;
