// Public files of the media library: /media/<id>/<file> is the storage key "media/<id>/<file>".
// Only keys under "media/" are reachable here, and the storage layer refuses any key that
// could leave its folder. Keys never change content, so responses are cached for good. The file
// is streamed from storage (local disk or PostgreSQL), never read whole into memory here.
import { getStorage, isValidStorageKey } from "@/lib/platform/storage";

const HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Cache-Control": "public, max-age=31536000, immutable",
  "Content-Security-Policy": "default-src 'none'",
} as const;

function notFound(): Response {
  return new Response("Not found", {
    status: 404,
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
    },
  });
}

export async function GET(request: Request, { params }: { params: Promise<{ key: string[] }> }) {
  const { key: segments } = await params;
  const key = ["media", ...segments].join("/");
  if (!isValidStorageKey(key)) return notFound();
  const stored = await getStorage().open(key);
  if (!stored) return notFound();
  const headers = {
    ...HEADERS,
    "Content-Type": stored.contentType,
    "Content-Length": String(stored.byteSize),
  };
  // Next answers HEAD with this handler too: close the file rather than leave it open unread.
  if (request.method === "HEAD") {
    await stored.stream.cancel();
    return new Response(null, { headers });
  }
  return new Response(stored.stream, { headers });
}
