// Where uploaded files live. Everything above this layer speaks keys ("media/<id>/w640.webp"),
// never paths, so the local disk can give way to S3-compatible storage without touching callers.

export interface StoredObject {
  bytes: Uint8Array;
  /** The content type given to `put`. */
  contentType: string;
}

export interface Storage {
  /** Stores `bytes` under `key`, replacing what was there. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The object under `key`, or null when there is none. */
  get(key: string): Promise<StoredObject | null>;
  /** Removes the object under `key`; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
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
