// The cache tags a CDN in front of the site sees: on every public answer the launcher keeps, in
// `Cache-Tag` (comma-separated, as Cloudflare reads it) and `Surrogate-Key` (space-separated, as
// Fastly reads it), and in the purge the server asks for when they are invalidated
// (cdn-purge-job.ts). Both sides go through `cdnTag`, so a purge names exactly what the answers
// carry.
//
// Limits (docs/production.md): both CDNs take a header of up to 16 KB and a tag of up to 1 KB.
// An answer whose tags do not fit keeps the broad tags (`articles`, `comments`, `site`, `all`)
// and as many specific ones as fit; a specific tag left out is covered by its family's broad
// tag, which every purge of a specific tag also names (`purgeTagsFor`).
import { cacheTag } from "./tags";
import { EVERYTHING, EXPIRES_PREFIX } from "./registry";

/** Carried by every tagged answer; purging it purges every answer the site tagged. */
export const CDN_ALL_TAG = "all";
/** The most bytes of a header's value (16 KB at both CDNs, with room to spare). */
export const MAX_CDN_HEADER_BYTES = 16_000;
/** The longest tag both CDNs accept. */
export const MAX_CDN_TAG_BYTES = 1024;

// Next's own soft tags (one per path segment); nothing of ours invalidates them.
const NEXT_SOFT_TAG_PREFIX = "_N_T_";
// Characters both CDNs take in a tag as they are; anything else is percent-encoded (so `%`, `,`,
// spaces and non-ASCII never appear, and two tags never encode alike). A CDN tag is ASCII: its
// length is its size in bytes.
const SAFE = /^[A-Za-z0-9_.:-]$/;

/** Whether `tag` is one an invalidation can name: not `*`, an `expires:` moment or Next's own. */
export function isPurgeableTag(tag: string): boolean {
  return tag !== EVERYTHING && !tag.startsWith(EXPIRES_PREFIX) && !tag.startsWith(NEXT_SOFT_TAG_PREFIX);
}

/** The CDN form of an internal tag: `*` becomes `all`; other characters outside [A-Za-z0-9_.:-] are %XX. */
export function cdnTag(tag: string): string {
  if (tag === EVERYTHING) return CDN_ALL_TAG;
  let out = "";
  for (const char of tag) {
    if (SAFE.test(char)) out += char;
    else
      for (const byte of Buffer.from(char, "utf8"))
        out += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

// The broad tag standing for each family of specific ones: every invalidation of a specific tag
// names it too (lib/platform/cache/article-changes.ts, the comment commands).
const FAMILY_TAG: Record<string, string> = {
  article: cacheTag.articles,
  tag: cacheTag.articles,
  source: cacheTag.articles,
  person: cacheTag.articles,
  comments: cacheTag.allComments,
};

/**
 * The broad CDN tag covering a specific one (in CDN form: the family prefix and its `:` are kept
 * by `cdnTag`); the catch-all for a family we do not know.
 */
function familyOf(cdn: string): string {
  const colon = cdn.indexOf(":");
  const family = colon === -1 ? undefined : FAMILY_TAG[cdn.slice(0, colon)];
  return family === undefined ? CDN_ALL_TAG : cdnTag(family);
}

export interface CdnTagHeaders {
  "cache-tag": string;
  "surrogate-key": string;
}

/**
 * The two headers for an answer built from `tags` (internal names, as collected), or null when
 * none of them is one an invalidation can name. De-duplicated, `all` first, then broad tags, then
 * specific ones in the order given, as many as fit in `maxBytes`.
 */
export function cdnTagHeaders(
  tags: Iterable<string>,
  maxBytes: number = MAX_CDN_HEADER_BYTES,
): CdnTagHeaders | null {
  const broad = new Set<string>([CDN_ALL_TAG]);
  const specific = new Set<string>();
  for (const tag of tags) {
    if (!isPurgeableTag(tag)) continue;
    const cdn = cdnTag(tag);
    if (!tag.includes(":")) broad.add(cdn);
    else if (cdn.length > MAX_CDN_TAG_BYTES) broad.add(familyOf(cdn));
    else specific.add(cdn);
  }
  if (broad.size === 1 && specific.size === 0) return null;
  let chosen = fill([...broad], specific, maxBytes);
  if (chosen.length < broad.size + specific.size) {
    // Some specific tags are left out: their families' broad tags go in first.
    const wider = new Set([...broad, ...[...specific].map(familyOf)]);
    chosen = fill([...wider], specific, maxBytes);
  }
  return { "cache-tag": chosen.join(","), "surrogate-key": chosen.join(" ") };
}

/** `first`, then as many of `more` as keep the joined length within `maxBytes`. */
function fill(first: string[], more: Iterable<string>, maxBytes: number): string[] {
  const chosen = [...first];
  let length = chosen.reduce((sum, tag) => sum + tag.length, chosen.length - 1);
  for (const tag of more) {
    if (length + 1 + tag.length > maxBytes) continue;
    chosen.push(tag);
    length += 1 + tag.length;
  }
  return chosen;
}

/**
 * What to purge when `tags` are invalidated: each in CDN form with its family's broad tag, so an
 * answer that could carry only the broad one (too many tags) is purged as well. Nothing when
 * none can be purged.
 */
export function purgeTagsFor(tags: readonly string[]): string[] {
  const out = new Set<string>();
  for (const tag of tags) {
    if (tag === EVERYTHING) {
      out.add(CDN_ALL_TAG);
      continue;
    }
    if (!isPurgeableTag(tag)) continue;
    const cdn = cdnTag(tag);
    if (cdn.length <= MAX_CDN_TAG_BYTES) out.add(cdn);
    if (cdn.includes(":")) out.add(familyOf(cdn));
  }
  return [...out];
}
