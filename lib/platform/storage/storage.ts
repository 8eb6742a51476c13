// Where uploaded files live. Everything above this layer speaks keys ("media/<id>/w640.webp"),
// never paths, so the local disk, PostgreSQL and S3 (index.ts chooses by MEDIA_STORAGE) serve the
// same callers. tests/int/storage-contract.test.ts holds every backend to this interface.

export interface StoredObject {
  bytes: Uint8Array;
  /** The content type given to `put`. */
  contentType: string;
}

/** An object read as a stream: what a response needs, without the whole file in memory. */
export interface StoredStream {
  stream: ReadableStream<Uint8Array>;
  contentType: string;
  byteSize: number;
}

export interface Storage {
  /** What the logs and the migration command call this backend ("local", "postgres", "s3"). */
  readonly name: string;
  /** Stores `bytes` under `key`, replacing what was there. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The object under `key`, or null when there is none. */
  get(key: string): Promise<StoredObject | null>;
  /** The object under `key` as a stream of its bytes, or null when there is none. */
  open(key: string): Promise<StoredStream | null>;
  /** Removes the object under `key`; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
  /** Every stored key, in no particular order (for copying between backends). */
  keys(): AsyncIterable<string>;
}

export class InvalidStorageKeyError extends Error {
  override name = "InvalidStorageKeyError";
  constructor(readonly key: string) {
    super(`Invalid storage key: ${JSON.stringify(key.slice(0, 100))}`);
  }
}

const KEY = /^[a-z0-9][a-z0-9._/-]*$/;
const SEGMENT = /^[a-z0-9][a-z0-9._-]*$/;
export const MAX_KEY_LENGTH = 512;

/**
 * A key is lowercase letters, digits, ".", "_", "-" and "/"; every "/"-separated segment starts
 * with a letter or digit (so no "..", no hidden files, no empty segments, no leading "/").
 */
export function isValidStorageKey(key: string): boolean {
  return (
    key.length <= MAX_KEY_LENGTH &&
    KEY.test(key) &&
    !key.includes("..") &&
    key.split("/").every((segment) => SEGMENT.test(segment))
  );
}

export function assertValidStorageKey(key: string): void {
  if (!isValidStorageKey(key)) throw new InvalidStorageKeyError(key);
}

/** The content types storage keeps, by extension. Add one here to store a new kind. */
export const STORED_CONTENT_TYPES: Readonly<Record<string, string>> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  avif: "image/avif",
  // Reprint-authorization evidence; never served under /media (that route serves media/ keys only).
  pdf: "application/pdf",
  // The grantor's reply pasted as text (an authorization recorded as already granted).
  txt: "text/plain; charset=utf-8",
};

/**
 * The content type of a key, from its extension. Every backend keeps a key's type to this, so
 * that what is served is what was stored, and a file copies from one backend to another as it is.
 */
export function contentTypeOf(key: string): string | undefined {
  const extension =
    key
      .slice(key.lastIndexOf("/") + 1)
      .split(".")
      .slice(1)
      .at(-1) ?? "";
  return Object.hasOwn(STORED_CONTENT_TYPES, extension) ? STORED_CONTENT_TYPES[extension] : undefined;
}

export function assertContentTypeOf(key: string, contentType: string): void {
  const expected = contentTypeOf(key);
  if (!expected) throw new Error(`Storage keeps no files with the extension of ${key}`);
  if (contentType !== expected) throw new Error(`Storage serves ${key} as ${expected}, not ${contentType}`);
}
