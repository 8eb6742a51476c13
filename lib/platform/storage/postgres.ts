// Storage in PostgreSQL (MEDIA_STORAGE=postgres), so every instance on one database reads the
// same files: a StoredFile row per key (type, size, SHA-256) and its bytes in StoredFileChunk
// rows of CHUNK_BYTES each. A blob table rather than large objects: rows go with ordinary
// transactions, cascades and pg_dump, need no lo_unlink clean-up of orphans, and behave the
// same on the embedded database. Reads fetch one chunk per query, so serving a 20 MB file holds
// one chunk in memory, not the file.
import { createHash } from "node:crypto";
import type { Db } from "@/lib/platform/db";
import {
  assertContentTypeOf,
  assertValidStorageKey,
  type Storage,
  type StoredObject,
  type StoredStream,
} from "./storage";

/** Bytes per chunk row: large enough that a file is a few rows, small enough to hold per request. */
export const CHUNK_BYTES = 256 * 1024;

export class PostgresStorage implements Storage {
  readonly name = "postgres";

  constructor(private readonly db: Db) {}

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    assertValidStorageKey(key);
    assertContentTypeOf(key, contentType);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const chunks: Uint8Array<ArrayBuffer>[] = [];
    for (let offset = 0; offset < bytes.length; offset += CHUNK_BYTES) {
      chunks.push(Uint8Array.from(bytes.subarray(offset, offset + CHUNK_BYTES)));
    }
    // An empty file is one empty chunk, so every file has chunk 0.
    if (chunks.length === 0) chunks.push(new Uint8Array(0));
    // Replacing means a new row (a new id): a reader still streaming the old content finds its
    // chunks gone and fails, rather than sending a mix of old and new bytes.
    await this.db.$transaction(async (tx) => {
      await tx.storedFile.deleteMany({ where: { key } });
      const file = await tx.storedFile.create({
        data: { key, contentType, byteSize: bytes.length, sha256 },
        select: { id: true },
      });
      // One chunk per statement: a single insert of every chunk would hold them all in one query.
      for (const [index, data] of chunks.entries()) {
        await tx.storedFileChunk.create({ data: { fileId: file.id, index, data } });
      }
    });
  }

  async get(key: string): Promise<StoredObject | null> {
    assertValidStorageKey(key);
    const file = await this.db.storedFile.findUnique({
      where: { key },
      select: {
        contentType: true,
        byteSize: true,
        chunks: { select: { data: true }, orderBy: { index: "asc" } },
      },
    });
    if (!file) return null;
    const bytes = new Uint8Array(file.byteSize);
    let offset = 0;
    for (const { data } of file.chunks) {
      bytes.set(data, offset);
      offset += data.length;
    }
    if (offset !== file.byteSize) throw new Error(`Stored file ${key} is incomplete`);
    return { bytes, contentType: file.contentType };
  }

  async open(key: string): Promise<StoredStream | null> {
    assertValidStorageKey(key);
    const file = await this.db.storedFile.findUnique({
      where: { key },
      select: { id: true, contentType: true, byteSize: true },
    });
    if (!file) return null;
    const chunkCount = Math.max(1, Math.ceil(file.byteSize / CHUNK_BYTES));
    const db = this.db;
    let index = 0;
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>(
      {
        // Pulled as the client reads: a slow client holds back the next query, not memory.
        async pull(controller) {
          const chunk = await db.storedFileChunk.findUnique({
            where: { fileId_index: { fileId: file.id, index } },
            select: { data: true },
          });
          if (!chunk) {
            controller.error(new Error(`Stored file ${key} changed or vanished while it was read`));
            return;
          }
          sent += chunk.data.length;
          index += 1;
          if (chunk.data.length > 0) controller.enqueue(chunk.data);
          if (index === chunkCount) {
            if (sent === file.byteSize) controller.close();
            else controller.error(new Error(`Stored file ${key} is incomplete`));
          }
        },
      },
      { highWaterMark: 0 },
    );
    return { stream, contentType: file.contentType, byteSize: file.byteSize };
  }

  async delete(key: string): Promise<void> {
    assertValidStorageKey(key);
    await this.db.storedFile.deleteMany({ where: { key } });
  }

  async *keys(): AsyncIterable<string> {
    // Paged by key, so a large library is never one result in memory.
    let after = "";
    for (;;) {
      const page = await this.db.storedFile.findMany({
        where: { key: { gt: after } },
        orderBy: { key: "asc" },
        select: { key: true },
        take: 500,
      });
      for (const { key } of page) yield key;
      if (page.length < 500) return;
      after = page.at(-1)!.key;
    }
  }
}
