// How every feed answers.
import { PUBLIC_SHORT_CACHE } from "@/lib/platform/cache/cache-control";

export const FEED_HEADERS = {
  "Content-Type": "application/rss+xml; charset=utf-8",
  "Cache-Control": PUBLIC_SHORT_CACHE,
  "X-Content-Type-Options": "nosniff",
} as const;

export function feedResponse(xml: string | null): Response {
  if (xml === null) {
    return new Response("Feed not found.\n", {
      status: 404,
      headers: {
        "Content-Type": "text/plain; charset=utf-8",
        "Cache-Control": PUBLIC_SHORT_CACHE,
      },
    });
  }
  return new Response(xml, { status: 200, headers: FEED_HEADERS });
}

/** A route's slug parameter, decoded; null when it is not valid percent-encoding. */
export function decodeSlug(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}
