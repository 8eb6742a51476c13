// One contract, every storage backend: the local disk (a temporary folder) and PostgreSQL (this
// file's own database, which is the embedded one when no PostgreSQL server is configured).
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db";
import { LocalDiskStorage } from "@/lib/platform/storage/local-disk";
import { CHUNK_BYTES, PostgresStorage } from "@/lib/platform/storage/postgres";
import { InvalidStorageKeyError, type Storage } from "@/lib/platform/storage/storage";

const root = await mkdtemp(path.join(tmpdir(), "crosscurrent-storage-contract-"));
afterAll(() => rm(root, { recursive: true, force: true }));

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const part of stream as unknown as AsyncIterable<Uint8Array>) parts.push(part);
  return new Uint8Array(Buffer.concat(parts));
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function allKeys(storage: Storage): Promise<string[]> {
  const keys: string[] = [];
  for await (const key of storage.keys()) keys.push(key);
  return keys.sort();
}

const backends: [string, () => Promise<Storage>][] = [
  ["local disk", async () => new LocalDiskStorage(await mkdtemp(path.join(root, "uploads-")))],
  [
    "PostgreSQL",
    async () => {
      await db.storedFile.deleteMany();
      return new PostgresStorage(db);
    },
  ],
];

describe.each(backends)("storage contract: %s", (_name, makeStorage) => {
  let storage: Storage;
  beforeEach(async () => {
    storage = await makeStorage();
  });

  // One byte, exactly one PostgreSQL chunk, and a file of three chunks with a short last one.
  for (const size of [1, CHUNK_BYTES, 2 * CHUNK_BYTES + 17]) {
    it(`stores ${size} bytes and gives them back whole, as bytes and as a stream`, async () => {
      const bytes = new Uint8Array(randomBytes(size));
      await storage.put("media/abc/original.png", bytes, "image/png");
      const got = await storage.get("media/abc/original.png");
      expect(got?.contentType).toBe("image/png");
      expect(sha256(got!.bytes)).toBe(sha256(bytes));
      const opened = await storage.open("media/abc/original.png");
      expect(opened).toMatchObject({ contentType: "image/png", byteSize: size });
      expect(sha256(await readAll(opened!.stream))).toBe(sha256(bytes));
    });
  }

  it("streams a large file in pieces no larger than one chunk", async () => {
    await storage.put("media/big/original.jpg", new Uint8Array(randomBytes(4 * CHUNK_BYTES)), "image/jpeg");
    const opened = await storage.open("media/big/original.jpg");
    const reader = opened!.stream.getReader();
    const first = await reader.read();
    expect(first.value!.length).toBeGreaterThan(0);
    expect(first.value!.length).toBeLessThanOrEqual(CHUNK_BYTES);
    await reader.cancel();
  });

  it("replaces what a key held, and a reader of the old content never gets a mix", async () => {
    const before = new Uint8Array(3 * CHUNK_BYTES).fill(1);
    const after = new Uint8Array(3 * CHUNK_BYTES).fill(2);
    await storage.put("media/r/w640.webp", before, "image/webp");
    const opened = await storage.open("media/r/w640.webp");
    const reader = opened!.stream.getReader();
    const first = await reader.read();
    await storage.put("media/r/w640.webp", after, "image/webp");
    const rest: Uint8Array[] = [first.value!];
    const outcome = await (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return "complete";
        rest.push(value);
      }
    })().catch(() => "failed");
    if (outcome === "complete") expect(sha256(new Uint8Array(Buffer.concat(rest)))).toBe(sha256(before));
    else expect(outcome).toBe("failed");
    expect(sha256((await storage.get("media/r/w640.webp"))!.bytes)).toBe(sha256(after));
  });

  it("answers null for a key it does not hold, and deleting one is no error", async () => {
    expect(await storage.get("media/none/original.png")).toBeNull();
    expect(await storage.open("media/none/original.png")).toBeNull();
    await storage.delete("media/none/original.png");
  });

  it("deletes", async () => {
    await storage.put("evidence/a/x.pdf", new Uint8Array([37, 80, 68, 70]), "application/pdf");
    await storage.delete("evidence/a/x.pdf");
    expect(await storage.get("evidence/a/x.pdf")).toBeNull();
    expect(await allKeys(storage)).toEqual([]);
  });

  it("lists every key it holds", async () => {
    const keys = [
      "evidence/e1/n.txt",
      "media/m1/original.png",
      "media/m1/w320.webp",
      "media/m2/original.avif",
    ];
    for (const key of keys) {
      const type = {
        txt: "text/plain; charset=utf-8",
        png: "image/png",
        webp: "image/webp",
        avif: "image/avif",
      };
      await storage.put(key, new Uint8Array([1, 2, 3]), type[key.split(".").at(-1) as keyof typeof type]);
    }
    expect(await allKeys(storage)).toEqual(keys);
  });

  it("refuses keys that could leave its space, and types that differ from the key's", async () => {
    await expect(storage.put("../../etc/passwd", new Uint8Array([1]), "image/png")).rejects.toBeInstanceOf(
      InvalidStorageKeyError,
    );
    await expect(storage.get("media/../../x.png")).rejects.toBeInstanceOf(InvalidStorageKeyError);
    await expect(storage.open("/etc/passwd")).rejects.toBeInstanceOf(InvalidStorageKeyError);
    await expect(storage.delete("media/../../../etc/passwd")).rejects.toBeInstanceOf(InvalidStorageKeyError);
    await expect(storage.put("media/x/original.png", new Uint8Array([1]), "text/html")).rejects.toThrow(
      "Storage serves media/x/original.png as image/png, not text/html",
    );
    await expect(storage.put("media/x/page.html", new Uint8Array([1]), "text/html")).rejects.toThrow(
      "Storage keeps no files with the extension of media/x/page.html",
    );
    expect(await allKeys(storage)).toEqual([]);
  });
});

describe("local disk storage", () => {
  it("lists no half-written file", async () => {
    const folder = await mkdtemp(path.join(root, "uploads-"));
    const storage = new LocalDiskStorage(folder);
    await storage.put("media/a/original.png", new Uint8Array([1]), "image/png");
    await writeFile(path.join(folder, "media", "a", ".w320.webp.0123456789ab.tmp"), "partial");
    expect(await readdir(path.join(folder, "media", "a"))).toHaveLength(2);
    expect(await allKeys(storage)).toEqual(["media/a/original.png"]);
  });
});

describe("PostgreSQL storage", () => {
  it("keeps a file as chunk rows with its size and SHA-256, and deletes them together", async () => {
    await db.storedFile.deleteMany();
    const storage = new PostgresStorage(db);
    const bytes = new Uint8Array(randomBytes(2 * CHUNK_BYTES + 5));
    await storage.put("media/p/original.png", bytes, "image/png");
    const file = await db.storedFile.findUniqueOrThrow({
      where: { key: "media/p/original.png" },
      include: { chunks: { select: { index: true } } },
    });
    expect(file).toMatchObject({ byteSize: bytes.length, sha256: sha256(bytes), contentType: "image/png" });
    expect(file.chunks.map((c) => c.index).sort()).toEqual([0, 1, 2]);
    await storage.delete("media/p/original.png");
    expect(await db.storedFileChunk.count()).toBe(0);
  });
});
