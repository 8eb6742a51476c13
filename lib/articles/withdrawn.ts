// Articles whose reprint rights ended: their URLs answer 451 Unavailable For Legal Reasons
// (RFC 7725) with a short public notice. Nothing is deleted.
import { db } from "@/lib/db";
import { withdrawnArticleWhere } from "./visibility";

/** Whether `slug` names an article that was public and has been withdrawn. */
export async function isWithdrawnSlug(slug: string, now: Date): Promise<boolean> {
  const found = await db.article.findFirst({
    where: { slug, ...withdrawnArticleWhere(now) },
    select: { id: true },
  });
  return found !== null;
}

const NOTICE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>Unavailable for legal reasons · Crosscurrent</title>
<style>body{font:1.1rem/1.6 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1.25rem;color:#1d1d1f;background:#fdfcf9}
@media (prefers-color-scheme:dark){body{color:#ecebe8;background:#161615}a{color:#f08a76}}a{color:#9b2c1f}</style></head>
<body><main><h1>This article is no longer available</h1>
<p>We reprinted it with the permission of its rights holder. That permission has ended, so we no longer publish it.</p>
<p><a href="/">Go to the front page</a></p></main></body></html>`;

export function withdrawnResponse(): Response {
  return new Response(NOTICE, {
    status: 451,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "public, max-age=30",
    },
  });
}
