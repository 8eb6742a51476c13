import "server-only";
import path from "node:path";
import { env } from "@/lib/platform/env";
import { LocalDiskStorage } from "./local-disk";
import type { Storage } from "./storage";

export { isValidStorageKey, InvalidStorageKeyError, type Storage, type StoredObject } from "./storage";

let storage: Storage | undefined;

/**
 * The storage of this process: local disk under DATA_DIR/uploads. S3-compatible storage
 * plugs in here, chosen by environment, as a second implementation of `Storage`.
 */
export function getStorage(): Storage {
  return (storage ??= new LocalDiskStorage(path.join(env.DATA_DIR, "uploads")));
}
