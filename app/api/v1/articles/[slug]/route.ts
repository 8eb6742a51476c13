// GET /api/v1/articles/:slug — one public article with its body (Tiptap JSON) and rendered HTML.
// 404 when there is no such public article, 451 when it was withdrawn (its reprint rights ended,
// or a takedown notice: then with a `Link: <case>; rel="blocked-by"` header), 308 from an old
// slug to the current one.
import type { NextRequest } from "next/server";
import { readPublic } from "@/lib/articles/visibility-change";
import { noteRequestTags } from "@/lib/platform/cache/request-tags";
import { cacheTag } from "@/lib/platform/cache/tags";
import { now } from "@/lib/platform/clock";
import { env } from "@/lib/platform/env";
import { slugFromParam } from "@/lib/articles/archives";
import { getApiArticle, refuseParams } from "@/lib/content-api/content-api";
import { withdrawalMessage } from "@/lib/rights/withdrawal-text";
import { withdrawalHeaders } from "@/lib/rights/withdrawn";
import { absoluteUrl } from "@/lib/seo/urls";
import { apiError, apiJson, apiPreflight, apiRedirect, guarded } from "../../_shared/http";

// Never prerendered: the build has no database, and answers change as articles are published.
export const dynamic = "force-dynamic";

interface Context {
  params: Promise<{ slug: string }>;
}

export async function GET(request: NextRequest, { params }: Context): Promise<Response> {
  return guarded(async () => {
    const noParams = refuseParams(request.nextUrl.searchParams);
    if (!noParams.ok) return apiError("INVALID", noParams.error);
    const slug = slugFromParam((await params).slug);
    const found = await readPublic(`api:article:${slug}`, now(), () => getApiArticle(slug, now()));
    switch (found.status) {
      case "found":
        // Named for a CDN too (Cache-Tag, Surrogate-Key): a purge of this article reaches it.
        noteRequestTags([cacheTag.article(found.article.id)]);
        return apiJson({ data: found.article });
      case "moved":
        // At the site's address: behind the launcher, Next sees its own private one in request.url.
        return apiRedirect(absoluteUrl(env.SITE_URL, `/api/v1/articles/${encodeURIComponent(found.slug)}`));
      case "withdrawn":
        return apiError(
          "WITHDRAWN",
          withdrawalMessage(found.withdrawal),
          withdrawalHeaders(found.withdrawal),
        );
      case "missing":
        return apiError("NOT_FOUND", `No published article has the slug "${slug}".`);
    }
  });
}

export function OPTIONS(request: NextRequest): Response {
  return apiPreflight(request);
}
