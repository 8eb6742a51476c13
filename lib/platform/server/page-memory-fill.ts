// Filling the memory of public answers (page-memory.ts), in Next's thread: the answer to a
// keepable request (public-answer-rules.ts) is copied as it leaves Next, before compression, with
// the cache tags it was built from (noted while Next ran, lib/platform/cache/request-tags.ts) and
// the moment the request began, and handed over once it is complete; the front thread makes the
// entry from it (page-entry.ts).
// When the site purges a CDN (CDN_PURGE_URL), every public answer to such a request, kept or not,
// names its cache tags for it in `Cache-Tag` and `Surrogate-Key` (lib/platform/cache/cdn-tags.ts).
// Without a CDN to purge, no one reads them, and they would be three kilobytes on every answer.
import type { OutgoingHttpHeaders, ServerResponse } from "node:http";
import { cacheTime } from "@/lib/platform/cache/registry";
import { cdnTagHeaders } from "@/lib/platform/cache/cdn-tags";
import { collectRequestTags, newRequestTags, type RequestTags } from "@/lib/platform/cache/request-tags";
import { CDN_TAG_HEADERS, type CapturedAnswer } from "./page-entry";
import { maxEntryBytes } from "./page-memory";
import { isKeepableAnswer, isPublicAnswer, keepableRequest } from "./public-answer-rules";
import type { Handler } from "./request-handler";

/**
 * Hands the request to `handle`; when the answer may be kept, gives it to `kept` once complete
 * (when there is one: without a memory to fill, only the CDN's tags are added).
 */
export function keepPublicAnswers(
  handle: Handler,
  options: {
    maxBytes: number;
    /** Whether public answers name their cache tags for a CDN (one the site purges by tag). */
    cdnTags: boolean;
    kept?: (key: string, answer: CapturedAnswer) => void;
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
    if (body !== null) filling.add(key);
    const { result } = collectRequestTags(() => handle(request, response), collected);
    if (body === null || kept === undefined) return result;
    response.once("finish", () => {
      filling.delete(key);
      const chunks = body.chunks();
      const headers = response.getHeaders();
      if (chunks === null || !isKeepableAnswer(kind, response.statusCode, headers, collected)) return;
      kept(key, { body: Buffer.concat(chunks), headers, tags: [...collected.tags], since });
    });
    response.once("close", () => filling.delete(key));
    return result;
  };
}

/**
 * Gives Next's answer to a keepable request its cache tags for a CDN (Cache-Tag, Surrogate-Key;
 * lib/platform/cache/cdn-tags.ts) as its head goes out, when it is a public answer: the tags
 * noted so far, which for a page or route Next answers in one piece are all of them. A kept
 * answer's are made again from all its tags (page-entry.ts).
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
