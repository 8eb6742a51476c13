// Public answers the launcher gives itself, without entering Next: a least-recently-used memory,
// bounded in bytes, of what Next answered anonymous readers (public-answer-rules.ts says which
// requests; page-memory-fill.ts copies them as they leave Next, page-entry.ts makes the entries).
// It lives in the launcher's
// front thread (front.ts), where Next's patches and async hooks do not reach. An entry is given
// only while none of the cache tags it was built from has been invalidated since it was made
// (here, or by another instance through lib/platform/cache/listener.ts; the front thread hears of
// both) and none of its `expires:` moments has come, so an edit, a withdrawal or an expiry reaches
// the very next request, as with Next's own page cache. A hit is a lookup, a few headers and one
// write: the entry's bytes are the same for every reader and already compressed both ways.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { now } from "@/lib/platform/clock";
import { isFresh } from "@/lib/platform/cache/registry";
import { cacheControlNow } from "./cache-lifetime";
import { chooseEncoding, type Encoding } from "./content-encoding";
import { mayAnswerFromMemory } from "./public-answer-rules";

export interface Variant {
  body: Uint8Array;
  etag: string;
  headers: OutgoingHttpHeaders;
  notModified: OutgoingHttpHeaders;
}

export interface Entry {
  since: number;
  tags: string[];
  /** The earliest `expires:` moment among the tags (business time, ms). */
  expiresAt: number;
  cacheControl: string;
  bytes: number;
  variants: Record<Encoding, Variant>;
}

/** The largest entry worth keeping in a memory of `maxBytes`. */
export function maxEntryBytes(maxBytes: number): number {
  return Math.min(8 * 1024 * 1024, Math.floor(maxBytes / 4));
}

export interface PageMemory {
  /** Answers the request from memory and returns true, or returns false and does nothing. */
  answer(request: IncomingMessage, response: ServerResponse): boolean;
  /**
   * Keeps `entry` as the answer to `key` (a request URL), unless it is already out of date or a
   * live entry answers `key` already.
   */
  store(key: string, entry: Entry): void;
  readonly size: { entries: number; bytes: number };
}

export function createPageMemory(options: { maxBytes: number }): PageMemory {
  const { maxBytes } = options;
  const entries = new Map<string, Entry>();
  let bytes = 0;

  const drop = (key: string, entry: Entry) => {
    if (entries.get(key) !== entry) return;
    entries.delete(key);
    bytes -= entry.bytes;
  };

  const isLive = (entry: Entry) => {
    const at = now().getTime();
    return at < entry.expiresAt && isFresh(entry.tags, entry.since, at);
  };

  const store = (key: string, entry: Entry) => {
    if (entry.bytes > maxEntryBytes(maxBytes) || !isLive(entry)) return;
    const previous = entries.get(key);
    // A live entry stays. Another fill of the same address comes from a request that reached Next
    // before the entry was made; nothing it was built from has changed since (or the entry would
    // not be live), and replacing it would change the body and ETag readers already hold.
    if (previous && isLive(previous)) return;
    if (previous) drop(key, previous);
    entries.set(key, entry);
    bytes += entry.bytes;
    for (const [oldKey, old] of entries) {
      if (bytes <= maxBytes) break;
      drop(oldKey, old);
    }
  };

  const answer = (request: IncomingMessage, response: ServerResponse): boolean => {
    if (maxBytes === 0) return false;
    const key = request.url ?? "/";
    const entry = entries.get(key);
    if (entry === undefined || !mayAnswerFromMemory(request)) return false;
    if (!isLive(entry)) {
      drop(key, entry);
      return false;
    }
    entries.delete(key); // most recently used goes last
    entries.set(key, entry);
    const variant = entry.variants[chooseEncoding(request.headers["accept-encoding"])];
    response.setHeader("Cache-Control", cacheControlNow(entry.cacheControl));
    if (matchesEtag(request.headers["if-none-match"], variant.etag)) {
      response.writeHead(304, variant.notModified);
      response.end();
    } else {
      response.writeHead(200, variant.headers);
      if (request.method === "HEAD") response.end();
      else response.end(variant.body);
    }
    return true;
  };

  return {
    answer,
    store,
    get size() {
      return { entries: entries.size, bytes };
    },
  };
}

/** Whether If-None-Match names `etag` (weak comparison, as RFC 9110 §13.1.2 asks). */
function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  if (ifNoneMatch.trim() === "*") return true;
  return ifNoneMatch.split(",").some((tag) => {
    const trimmed = tag.trim();
    return (trimmed.startsWith("W/") ? trimmed.slice(2) : trimmed) === etag;
  });
}
