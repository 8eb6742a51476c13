// A kept public answer made the same bytes for every reader, once, in the launcher's front
// thread (front-thread.ts), from the answer as it left Next (page-memory-fill.ts): its scripts are
// pinned by hash instead of by nonce (script-hashes.ts), its policy says so, and it is compressed
// both ways (content-encoding.ts), each form with its strong ETag. When the site purges a CDN,
// its `Cache-Tag` and `Surrogate-Key` are made here from all its tags (lib/platform/cache/cdn-tags.ts).
import { createHash } from "node:crypto";
import type { OutgoingHttpHeaders } from "node:http";
import { EXPIRES_PREFIX } from "@/lib/platform/cache/registry";
import { cdnTagHeaders, type CdnTagHeaders } from "@/lib/platform/cache/cdn-tags";
import { compressedForms, type Encoding } from "./content-encoding";
import type { Entry, Variant } from "./page-memory";
import { varyWithEncoding } from "./public-answer-rules";
import { hashScripts } from "./script-hashes";
import { hashedContentSecurityPolicy } from "./script-nonce";

/** Next's answer to a keepable request, as it left: its body before compression. */
export interface CapturedAnswer {
  body: Uint8Array;
  headers: OutgoingHttpHeaders;
  /** The cache tags it was built from. */
  tags: string[];
  /** When its request began (lib/platform/cache/registry.ts, cacheTime). */
  since: number;
}

// Headers of Next's answer that belong to that one response, or that the memory sets itself.
const PER_RESPONSE_HEADERS = new Set([
  "x-request-id",
  "x-next-request-count",
  "content-length",
  "content-encoding",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "date",
  "etag",
  "vary",
  "cache-control",
  "content-security-policy",
  "x-nextjs-cache",
]);
// Headers, map overhead and the like, counted against the bound with the bodies.
const ENTRY_OVERHEAD_BYTES = 4096;
const NONCE_IN_POLICY = /'nonce-([^']+)'/;
export const CDN_TAG_HEADERS: (keyof CdnTagHeaders)[] = ["cache-tag", "surrogate-key"];

/** The entry for `answer`; null when a page's scripts cannot be pinned (no nonce to find them by). */
export async function makeEntry(answer: CapturedAnswer, cdnTags: boolean): Promise<Entry | null> {
  const { headers, tags, since } = answer;
  const captured = Buffer.from(answer.body.buffer, answer.body.byteOffset, answer.body.byteLength);
  const type = String(headers["content-type"] ?? "");
  let body = captured;
  let hashes: string[] = [];
  if (type.startsWith("text/html")) {
    const nonce = NONCE_IN_POLICY.exec(String(headers["content-security-policy"] ?? ""))?.[1];
    if (nonce === undefined) return null;
    const pinned = hashScripts(captured.toString("utf8"), nonce);
    body = Buffer.from(pinned.html, "utf8");
    hashes = pinned.hashes;
  }
  const { br, gzip } = await compressedForms(body);
  const common: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !PER_RESPONSE_HEADERS.has(name)) common[name] = value;
  }
  // The CDN's tags, from every tag the answer was built from (once, here, not per hit).
  const labels = cdnTags ? cdnTagHeaders(tags) : null;
  for (const name of CDN_TAG_HEADERS) {
    if (labels) common[name] = labels[name];
    else delete common[name];
  }
  // Scripts only by hash: none at all in an answer that is not a page.
  common["content-security-policy"] = hashedContentSecurityPolicy(hashes, { dev: false });
  common.vary = varyWithEncoding(headers);
  // Next's own word on its cache, where it gave one: from here on, this is a hit.
  if (headers["x-nextjs-cache"] !== undefined) common["x-nextjs-cache"] = "HIT";
  const digest = createHash("sha256").update(body).digest("base64url").slice(0, 32);
  const variant = (encoding: Encoding, encoded: Buffer): Variant => {
    const etag = `"${digest}${encoding === "identity" ? "" : `-${encoding}`}"`;
    const withEncoding = encoding === "identity" ? {} : { "content-encoding": encoding };
    return {
      body: encoded,
      etag,
      headers: { ...common, ...withEncoding, etag, "content-length": encoded.length },
      notModified: { etag, vary: common.vary },
    };
  };
  const expiries = tags
    .filter((tag) => tag.startsWith(EXPIRES_PREFIX))
    .map((tag) => Number(tag.slice(EXPIRES_PREFIX.length)));
  return {
    since,
    tags: tags.filter((tag) => !tag.startsWith(EXPIRES_PREFIX)),
    expiresAt: Math.min(Infinity, ...expiries),
    cacheControl: String(headers["cache-control"]),
    bytes: body.length + br.length + gzip.length + ENTRY_OVERHEAD_BYTES,
    variants: { identity: variant("identity", body), gzip: variant("gzip", gzip), br: variant("br", br) },
  };
}
