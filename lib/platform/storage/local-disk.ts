// Storage on the local disk, one file per key under a root folder. Local files carry no
// metadata, so the content type follows from the key's extension (storage.ts), and `put`
// refuses a content type that differs from it: what is served is always what was stored.
import { randomBytes } from "node:crypto";
import { mkdir, open, readdir, readFile, rename, rmdir, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import {
  assertValidStorageKey,
  assertContentTypeOf,
  contentTypeOf,
  isValidStorageKey,
  type Storage,
  type StoredObject,
  type StoredStream,
} from "./storage";

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === "ENOENT" || code === "ENOTDIR" || code === "EISDIR";
}

export class LocalDiskStorage implements Storage {
  readonly name = "local";
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  /** The file of a valid key; the containment check guards against a regression in validation. */
  private fileOf(key: string): string {
    assertValidStorageKey(key);
    const file = path.resolve(this.root, ...key.split("/"));
    if (!file.startsWith(this.root + path.sep)) throw new Error(`Storage key escapes the root: ${key}`);
    return file;
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    const file = this.fileOf(key);
    assertContentTypeOf(key, contentType);
    await mkdir(path.dirname(file), { recursive: true });
    // Write beside the target, then rename: a reader never sees half a file.
    const temporary = path.join(
      path.dirname(file),
      `.${path.basename(file)}.${randomBytes(6).toString("hex")}.tmp`,
    );
    try {
      await writeFile(temporary, bytes, { flag: "wx" });
      await rename(temporary, file);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
  }

  async get(key: string): Promise<StoredObject | null> {
    const file = this.fileOf(key);
    const contentType = contentTypeOf(key);
    if (!contentType) return null;
    try {
      return { bytes: new Uint8Array(await readFile(file)), contentType };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async open(key: string): Promise<StoredStream | null> {
    const file = this.fileOf(key);
    const contentType = contentTypeOf(key);
    if (!contentType) return null;
    try {
      // The size comes from the opened file, so it matches the bytes the stream reads.
      const handle = await open(file, "r");
      try {
        const stat = await handle.stat();
        if (!stat.isFile()) throw Object.assign(new Error(`Not a file: ${key}`), { code: "EISDIR" });
        const stream = Readable.toWeb(handle.createReadStream()) as ReadableStream<Uint8Array>;
        return { stream, contentType, byteSize: stat.size };
      } catch (error) {
        await handle.close();
        throw error;
      }
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async *keys(): AsyncIterable<string> {
    const entries = await readdir(this.root, { recursive: true, withFileTypes: true }).catch(
      (error: unknown) => {
        if (isMissing(error)) return [];
        throw error;
      },
    );
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const key = path.relative(this.root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/");
      // Half-written files (".name.tmp") and anything not put here under a key are not objects.
      if (isValidStorageKey(key) && contentTypeOf(key)) yield key;
    }
  }

  async delete(key: string): Promise<void> {
    const file = this.fileOf(key);
    try {
      await unlink(file);
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
    // Tidy folders the deletion left empty, up to (not including) the root.
    for (
      let folder = path.dirname(file);
      folder.startsWith(this.root + path.sep);
      folder = path.dirname(folder)
    ) {
      try {
        await rmdir(folder);
      } catch {
        break;
      }
    }
  }
}
