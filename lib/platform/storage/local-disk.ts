// Storage on the local disk, one file per key under a root folder. Local files carry no
// metadata, so the content type follows from the key's extension, and `put` refuses a
// content type that differs from it: what is served is always what was stored.
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rmdir, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { assertValidStorageKey, type Storage, type StoredObject } from "./storage";

/** The content types local storage keeps, by extension. Add one here to store a new kind. */
export const LOCAL_CONTENT_TYPES: Readonly<Record<string, string>> = {
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

function contentTypeOf(key: string): string | undefined {
  const extension = path.posix.extname(key).slice(1);
  return Object.hasOwn(LOCAL_CONTENT_TYPES, extension) ? LOCAL_CONTENT_TYPES[extension] : undefined;
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === "ENOENT" || code === "ENOTDIR" || code === "EISDIR";
}

export class LocalDiskStorage implements Storage {
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
    const expected = contentTypeOf(key);
    if (!expected) throw new Error(`Local storage keeps no files with the extension of ${key}`);
    if (contentType !== expected) {
      throw new Error(`Local storage serves ${key} as ${expected}, not ${contentType}`);
    }
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
