// One contract, every storage backend: the local disk (a temporary folder), PostgreSQL (this
// file's own database, which is the embedded one when no PostgreSQL server is configured) and S3
// (a real S3-compatible server, s3rver, each test in a prefix of its own).
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { HeadObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db";
import { LocalDiskStorage } from "@/lib/platform/storage/local-disk";
import { CHUNK_BYTES, PostgresStorage } from "@/lib/platform/storage/postgres";
import { S3Storage } from "@/lib/platform/storage/s3";
import { InvalidStorageKeyError, type Storage } from "@/lib/platform/storage/storage";
import { S3RVER_CREDENTIALS, startS3Server } from "../support/s3-server";

const root = await mkdtemp(path.join(tmpdir(), "crosscurrent-storage-contract-"));
const s3 = await startS3Server(["contract"]);
afterAll(async () => {
  await s3.close();
  await rm(root, { recursive: true, force: true });
});
let s3Tests = 0;

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
  ["S3", async () => new S3Storage(s3.settings("contract", `test-${++s3Tests}/`))],
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

describe("S3 storage", () => {
  const bucketClient = new S3Client({
    endpoint: s3.url,
    region: "us-east-1",
    credentials: S3RVER_CREDENTIALS,
    forcePathStyle: true,
  });
  afterAll(() => bucketClient.destroy());

  it("keeps each file as an object under its prefix, with its type and SHA-256", async () => {
    const storage = new S3Storage(s3.settings("contract", "sites/one/"));
    const bytes = new Uint8Array(randomBytes(1000));
    await storage.put("media/o/original.png", bytes, "image/png");
    const head = await bucketClient.send(
      new HeadObjectCommand({ Bucket: "contract", Key: "sites/one/media/o/original.png" }),
    );
    expect(head).toMatchObject({
      ContentType: "image/png",
      ContentLength: 1000,
      Metadata: { sha256: sha256(bytes) },
    });
  });

  it("lists only its own prefix's files, past a page of 1000 keys, and nothing foreign", async () => {
    const storage = new S3Storage(s3.settings("contract", "sites/many/"));
    const keys = Array.from({ length: 1003 }, (_, i) => `media/m${String(i).padStart(4, "0")}/w320.webp`);
    for (let i = 0; i < keys.length; i += 20) {
      await Promise.all(
        keys.slice(i, i + 20).map((key) => storage.put(key, new Uint8Array([1]), "image/webp")),
      );
    }
    // Beside it in the bucket: another prefix, and objects put there by other means.
    await new S3Storage(s3.settings("contract", "sites/other/")).put(
      "media/x/original.png",
      new Uint8Array([1]),
      "image/png",
    );
    for (const foreign of [
      "sites/many/notes.html",
      "sites/many/Media/A.png",
      "sites/many/media/a/.hidden.png",
    ]) {
      await bucketClient.send(new PutObjectCommand({ Bucket: "contract", Key: foreign, Body: "x" }));
    }
    expect(await allKeys(storage)).toEqual(keys);
  });

  it("fails a read of an object damaged in the bucket rather than passing its bytes on", async () => {
    const storage = new S3Storage(s3.settings("contract", "sites/damaged/"));
    const bytes = new Uint8Array(randomBytes(3 * CHUNK_BYTES));
    await storage.put("media/d/original.jpg", bytes, "image/jpeg");
    const file = s3.objectFile("contract", "sites/damaged/media/d/original.jpg");
    const damaged = new Uint8Array(await readFile(file));
    damaged[CHUNK_BYTES]! ^= 0x01;
    await writeFile(file, damaged);
    await expect(storage.get("media/d/original.jpg")).rejects.toThrow(
      "Stored object media/d/original.jpg does not match its SHA-256",
    );
    const opened = await storage.open("media/d/original.jpg");
    expect(opened?.byteSize).toBe(bytes.length);
    await expect(readAll(opened!.stream)).rejects.toThrow("does not match its SHA-256");
  });

  it("closes the connection of a read cancelled unread, so cancelled reads never run out of them", async () => {
    const storage = new S3Storage(s3.settings("contract", "sites/cancel/"));
    await storage.put("media/c/original.png", new Uint8Array(randomBytes(4 * CHUNK_BYTES)), "image/png");
    // More than the 50 connections the client keeps to one server.
    for (let i = 0; i < 60; i++) await (await storage.open("media/c/original.png"))!.stream.cancel();
    expect((await storage.get("media/c/original.png"))?.bytes.length).toBe(4 * CHUNK_BYTES);
  });

  it("treats a missing bucket or refused credentials as errors, never as a missing file", async () => {
    const noBucket = new S3Storage(s3.settings("no-such-bucket"));
    await expect(noBucket.open("media/a/original.png")).rejects.toMatchObject({ name: "NoSuchBucket" });
    await expect(noBucket.get("media/a/original.png")).rejects.toMatchObject({ name: "NoSuchBucket" });
    const stranger = new S3Storage({
      ...s3.settings("contract"),
      credentials: { accessKeyId: "NOT-A-KEY", secretAccessKey: "wrong" },
    });
    await expect(stranger.open("media/a/original.png")).rejects.toMatchObject({ name: "InvalidAccessKeyId" });
  });
});
