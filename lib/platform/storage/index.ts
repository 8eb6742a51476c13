import "server-only";
import path from "node:path";
import { db } from "@/lib/platform/db";
import { env, type Env } from "@/lib/platform/env";
import { LocalDiskStorage } from "./local-disk";
import { PostgresStorage } from "./postgres";
import { S3Storage, s3SettingsOf } from "./s3";
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
 * (the default, for one instance), PostgreSQL, which every instance on the database reads, or an
 * S3 bucket, which every instance reads too.
 */
export function getStorage(): Storage {
  return (storage ??= createStorage(env.MEDIA_STORAGE));
}

export function createStorage(kind: Env["MEDIA_STORAGE"]): Storage {
  switch (kind) {
    case "postgres":
      return new PostgresStorage(db);
    case "s3":
      return new S3Storage(s3SettingsOf(env));
    case "local":
      return new LocalDiskStorage(path.join(env.DATA_DIR, "uploads"));
  }
}
