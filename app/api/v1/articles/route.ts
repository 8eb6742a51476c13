// GET /api/v1/articles — public articles, newest first.
// ?tag=&source=&author= (slugs), ?updatedSince= (ISO 8601), ?limit= (1–100, default 20),
// ?cursor= (the nextCursor of the previous page). Answers { data: [...], nextCursor }.
import type { NextRequest } from "next/server";
import { readPublic } from "@/lib/articles/visibility-change";
import { now } from "@/lib/platform/clock";
import { listApiArticles, parseArticleListQuery } from "@/lib/content-api/content-api";
import { apiError, apiJson, apiPreflight, guarded } from "../_shared/http";

// Never prerendered: the build has no database, and answers change as articles are published.
export const dynamic = "force-dynamic";

export async function GET(request: NextRequest): Promise<Response> {
  return guarded(async () => {
    const query = parseArticleListQuery(request.nextUrl.searchParams);
    if (!query.ok) return apiError("INVALID", query.error);
    const page = await readPublic(`api:articles:${JSON.stringify(query.value)}`, now(), () =>
      listApiArticles(query.value, now()),
    );
    if (!page.ok) return apiError("INVALID", page.error);
    return apiJson(page.value);
  });
}

export function OPTIONS(request: NextRequest): Response {
  return apiPreflight(request);
}
