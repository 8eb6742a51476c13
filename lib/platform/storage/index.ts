import "server-only";
import path from "node:path";
import { db } from "@/lib/platform/db";
import { env } from "@/lib/platform/env";
import { LocalDiskStorage } from "./local-disk";
import { PostgresStorage } from "./postgres";
import type { Storage } from "./storage";

export {
  isValidStorageKey,
  InvalidStorageKeyError,
  type Storage,
  type StoredObject,
  type StoredStream,
} from "./storage";

let storage: Storage | undefined;

/**
 * The storage of this process, chosen by MEDIA_STORAGE: the local disk under DATA_DIR/uploads
 * (the default, for one instance), or PostgreSQL, which every instance on the database reads.
 */
export function getStorage(): Storage {
  return (storage ??= createStorage(env.MEDIA_STORAGE));
}

export function createStorage(kind: "local" | "postgres"): Storage {
  return kind === "postgres"
    ? new PostgresStorage(db)
    : new LocalDiskStorage(path.join(env.DATA_DIR, "uploads"));
}
