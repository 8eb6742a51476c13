// GET /api/v1/tags — every tag with its number of public articles. Answers { data: [...] }.
import type { NextRequest } from "next/server";
import { readPublic } from "@/lib/articles/visibility-change";
import { now } from "@/lib/platform/clock";
import { listApiTags, refuseParams } from "@/lib/content-api/content-api";
import { apiError, apiJson, apiPreflight, guarded } from "../_shared/http";

// Never prerendered: the build has no database, and answers change as articles are published.
export const dynamic = "force-dynamic";

export async function GET(request: NextRequest): Promise<Response> {
  return guarded(async () => {
    const noParams = refuseParams(request.nextUrl.searchParams);
    if (!noParams.ok) return apiError("INVALID", noParams.error);
    return apiJson({ data: await readPublic("api:tags", now(), () => listApiTags(now())) });
  });
}

export function OPTIONS(request: NextRequest): Response {
  return apiPreflight(request);
}
