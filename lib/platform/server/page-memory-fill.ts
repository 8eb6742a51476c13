// How the public answers the launcher keeps are made (page-memory.ts keeps and gives them): the
// answer to a keepable request (public-answer-rules.ts) is copied as it leaves Next, with the cache
// tags it was built from (noted while Next ran, lib/platform/cache/request-tags.ts) and the moment
// the request began, and made the same bytes for every reader once: its scripts are pinned by hash
// instead of by nonce (script-hashes.ts), and it is compressed then, both ways
// (content-encoding.ts). This runs in Next's thread; the entry is handed to whoever keeps it.
// When the site purges a CDN (CDN_PURGE_URL), every public answer to such a request, kept or not,
// names its cache tags for it in `Cache-Tag` and `Surrogate-Key` (lib/platform/cache/cdn-tags.ts);
// a kept answer's are made once, from all its tags, when it is kept. Without a CDN to purge, no
// one reads them, and they would be three kilobytes on every answer.
import { createHash } from "node:crypto";
import type { OutgoingHttpHeaders, ServerResponse } from "node:http";
import { cacheTime, EXPIRES_PREFIX } from "@/lib/platform/cache/registry";
import { cdnTagHeaders, type CdnTagHeaders } from "@/lib/platform/cache/cdn-tags";
import { collectRequestTags, newRequestTags, type RequestTags } from "@/lib/platform/cache/request-tags";
import { compressedForms, type Encoding } from "./content-encoding";
import type { Entry, Variant } from "./page-memory";
import { isKeepableAnswer, isPublicAnswer, keepableRequest, varyWithEncoding } from "./public-answer-rules";
import type { Handler } from "./request-handler";
import { hashScripts } from "./script-hashes";
import { hashedContentSecurityPolicy } from "./script-nonce";

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
const CDN_TAG_HEADERS: (keyof CdnTagHeaders)[] = ["cache-tag", "surrogate-key"];

/** The largest answer worth keeping in a memory of `maxBytes`. */
export function maxEntryBytes(maxBytes: number): number {
  return Math.min(8 * 1024 * 1024, Math.floor(maxBytes / 4));
}

/**
 * Hands the request to `handle`; when the answer may be kept, makes it an entry and gives it to
 * `kept` (when there is one: without a memory to fill, only the CDN's tags are added).
 */
export function keepPublicAnswers(
  handle: Handler,
  options: {
    maxBytes: number;
    /** Whether public answers name their cache tags for a CDN (one the site purges by tag). */
    cdnTags: boolean;
    kept?: (key: string, entry: Entry) => void;
  },
): Handler {
  const { cdnTags, kept } = options;
  const limit = maxEntryBytes(options.maxBytes);
  const filling = new Set<string>();
  return (request, response) => {
    const kind = keepableRequest(request);
    if (kind === null) return handle(request, response);
    const key = request.url ?? "/";
    // Tags are collected for every public request, kept or not: they may label it for a CDN.
    const collected = newRequestTags();
    if (cdnTags) labelForCdn(response, collected);
    const storing = kept !== undefined && limit > 0 && !filling.has(key);
    const since = cacheTime();
    const body = storing ? captureBody(response, limit) : null;
    const { result } = collectRequestTags(() => handle(request, response), collected);
    if (body === null || kept === undefined) return result;
    response.once("finish", () => {
      const chunks = body.chunks();
      const headers = response.getHeaders();
      if (chunks === null || !isKeepableAnswer(kind, response.statusCode, headers, collected)) return;
      filling.add(key);
      void makeEntry(Buffer.concat(chunks), headers, [...collected.tags], since, cdnTags)
        .then((entry) => {
          if (entry && entry.bytes <= limit) kept(key, entry);
        })
        .catch((error: unknown) => console.error("page memory:", error))
        .finally(() => filling.delete(key));
    });
    return result;
  };
}

/**
 * Gives Next's answer to a keepable request its cache tags for a CDN (Cache-Tag, Surrogate-Key;
 * lib/platform/cache/cdn-tags.ts) as its head goes out, when it is a public answer: the tags
 * noted so far, which for a page or route Next answers in one piece are all of them. A kept
 * answer's headers are made again from its final tags (makeEntry).
 */
function labelForCdn(response: ServerResponse, collected: RequestTags): void {
  const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => ServerResponse;
  response.writeHead = function (...args: unknown[]): ServerResponse {
    const { tags } = collected;
    const status = typeof args[0] === "number" ? args[0] : response.statusCode;
    const given = args.find((arg) => typeof arg === "object" && arg !== null && !Array.isArray(arg));
    const headers = { ...response.getHeaders(), ...lowerCased(given as OutgoingHttpHeaders | undefined) };
    const labels = isPublicAnswer(status, headers) ? cdnTagHeaders(tags) : null;
    for (const name of CDN_TAG_HEADERS) {
      if (labels) response.setHeader(name, labels[name]);
      else response.removeHeader(name);
    }
    return writeHead(...args);
  } as ServerResponse["writeHead"];
}

function lowerCased(headers: OutgoingHttpHeaders | undefined): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers ?? {})) out[name.toLowerCase()] = value;
  return out;
}

type Chunk = string | Uint8Array;

/** Copies what is written to `response`, up to `limit` bytes; past it, nothing is kept. */
function captureBody(response: ServerResponse, limit: number): { chunks(): Buffer[] | null } {
  let chunks: Buffer[] | null = [];
  let length = 0;
  const add = (chunk: unknown, encoding: unknown) => {
    if (chunks === null || chunk === undefined || chunk === null || typeof chunk === "function") return;
    const buffer =
      typeof chunk === "string"
        ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8")
        : Buffer.from(chunk as Uint8Array); // a copy: the writer may reuse its buffer
    length += buffer.length;
    if (length > limit) chunks = null;
    else chunks.push(buffer);
  };
  const write = response.write.bind(response) as (...args: unknown[]) => boolean;
  const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
  response.write = function (chunk: Chunk, ...rest: unknown[]): boolean {
    add(chunk, rest[0]);
    return write(chunk, ...rest);
  } as ServerResponse["write"];
  response.end = function (...args: unknown[]): ServerResponse {
    add(args[0], args[1]);
    return end(...args);
  } as ServerResponse["end"];
  return { chunks: () => chunks };
}

async function makeEntry(
  captured: Buffer,
  headers: OutgoingHttpHeaders,
  tags: string[],
  since: number,
  cdnTags: boolean,
): Promise<Entry | null> {
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
