// POST /api/rights/notices: a rights holder's takedown notice (JSON or form fields). Public by
// design: cross-site posts are refused, the body is read up to MAX_NOTICE_BYTES (413 beyond), the
// notice is validated element by element and limited per sender address (lib/rights/notices/submit.ts).
// 201 with `{ message, data: { caseNumber, casePath } }`; a notice the honeypot caught gets 202 and nothing is stored.
import { NextResponse, type NextRequest } from "next/server";
import { clientIpFromHeaders } from "@/lib/platform/http/client-ip";
import { refuseCrossSite } from "@/lib/platform/http/cross-site";
import { jsonError, NO_STORE, SERVER_ERROR } from "@/lib/platform/http/json-errors";
import { readBody } from "@/lib/platform/http/read-body";
import { MAX_NOTICE_BYTES, noticeCasePath } from "@/lib/rights/notices/elements";
import { deliverAfterCommit } from "@/lib/platform/outbox/delivery-trigger";
import { submitNotice } from "@/lib/rights/notices/submit";
import { siteIdentity } from "@/lib/site/identity";

export async function POST(request: NextRequest) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  try {
    const body = await readBody(request, {
      maxBytes: MAX_NOTICE_BYTES,
      tooLargeMessage: `This notice is too large: a notice may be at most ${MAX_NOTICE_BYTES / 1024} KB. Shorten the description, or send the rest by email after you have your case number.`,
    });
    if (!body.ok) {
      // readBody files an upload's size message under "file"; a notice has no file.
      const { fieldErrors: _upload, ...refusal } = body.refusal;
      return jsonError(refusal);
    }
    const result = await submitNotice(body.fields, {
      ip: clientIpFromHeaders(request.headers),
      siteTitle: (await siteIdentity()).title,
    });
    if (!result.ok) return jsonError(result);
    if (result.notice === null) {
      return NextResponse.json({ message: "Your notice was received." }, { status: 202, headers: NO_STORE });
    }
    const { caseNumber, input, mail } = result.notice;
    await deliverAfterCommit(mail);
    return NextResponse.json(
      {
        message: `Your notice was received. Your case number is ${caseNumber}; we have sent it to ${input.contactEmail}.`,
        data: { caseNumber, casePath: noticeCasePath(caseNumber) },
      },
      { status: 201, headers: NO_STORE },
    );
  } catch (error) {
    console.error(JSON.stringify({ event: "notices.post.failed", message: (error as Error).message }));
    return jsonError(SERVER_ERROR);
  }
}
