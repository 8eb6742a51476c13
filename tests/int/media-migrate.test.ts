// npm run media:migrate: every file copied between the local disk, PostgreSQL and S3 (a real
// S3-compatible server) and verified by SHA-256; a second run copies nothing; an interrupted run
// resumes; a copy damaged on its way or afterwards is caught; and the command itself, run as a user
// would.
import { execFile } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db";
import { copyBetweenStorages } from "@/lib/platform/storage/copy-between";
import { LocalDiskStorage } from "@/lib/platform/storage/local-disk";
import { CHUNK_BYTES, PostgresStorage } from "@/lib/platform/storage/postgres";
import { S3Storage } from "@/lib/platform/storage/s3";
import type { Storage } from "@/lib/platform/storage/storage";
import { S3RVER_CREDENTIALS, startS3Server } from "../support/s3-server";

const root = await mkdtemp(path.join(tmpdir(), "crosscurrent-media-migrate-"));
const s3Server = await startS3Server(["migrate"]);
afterAll(async () => {
  await s3Server.close();
  await rm(root, { recursive: true, force: true });
});

const FILES: [string, string, number][] = [
  ["media/m1/original.jpg", "image/jpeg", 2 * CHUNK_BYTES + 99],
  ["media/m1/w320.webp", "image/webp", 4000],
  ["media/m1/w640.webp", "image/webp", 9000],
  ["media/m2/original.png", "image/png", CHUNK_BYTES],
  ["evidence/a1/grant.pdf", "application/pdf", 30_000],
  ["evidence/a1/reply.txt", "text/plain; charset=utf-8", 120],
];

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

let local: LocalDiskStorage;
let postgres: PostgresStorage;
/** An empty S3 storage for each test: the bucket under a prefix of its own. */
let s3: S3Storage;
let s3Prefix: string;
let s3Runs = 0;
const originals = new Map<string, Uint8Array>();

beforeEach(async () => {
  await db.storedFile.deleteMany();
  local = new LocalDiskStorage(await mkdtemp(path.join(root, "uploads-")));
  postgres = new PostgresStorage(db);
  s3Prefix = `run-${++s3Runs}/`;
  s3 = new S3Storage(s3Server.settings("migrate", s3Prefix));
  for (const [key, type, size] of FILES) {
    const bytes = new Uint8Array(randomBytes(size));
    originals.set(key, bytes);
    await local.put(key, bytes, type);
  }
});

async function expectSameFiles(storage: Storage) {
  for (const [key, bytes] of originals) {
    expect(sha256((await storage.get(key))!.bytes), key).toBe(sha256(bytes));
  }
}

/** `bytes` with one bit flipped in the middle. */
function flipped(bytes: Uint8Array): Uint8Array {
  const damaged = Uint8Array.from(bytes);
  damaged[damaged.length >> 1]! ^= 0x01;
  return damaged;
}

/** A target whose writes are damaged on the way: one bit flipped in every file it receives. */
class BitFlippingStorage implements Storage {
  readonly name = "bit-flipping";
  constructor(private readonly inner: Storage) {}
  put(key: string, bytes: Uint8Array, contentType: string) {
    return this.inner.put(key, flipped(bytes), contentType);
  }
  get = (key: string) => this.inner.get(key);
  open = (key: string) => this.inner.open(key);
  delete = (key: string) => this.inner.delete(key);
  keys = () => this.inner.keys();
}

describe("copying media between backends", () => {
  it("copies every file from the local disk to PostgreSQL and verifies each", async () => {
    const report = await copyBetweenStorages(local, postgres);
    expect(report).toEqual({ total: FILES.length, copied: FILES.length, skipped: 0, failed: [] });
    await expectSameFiles(postgres);
    const rows = await db.storedFile.findMany({ select: { key: true, sha256: true } });
    expect(Object.fromEntries(rows.map((r) => [r.key, r.sha256]))).toEqual(
      Object.fromEntries([...originals].map(([key, bytes]) => [key, sha256(bytes)])),
    );
  });

  it("copies nothing the second time", async () => {
    await copyBetweenStorages(local, postgres);
    const again = await copyBetweenStorages(local, postgres);
    expect(again).toEqual({ total: FILES.length, copied: 0, skipped: FILES.length, failed: [] });
  });

  it("resumes an interrupted run: copies only what is missing", async () => {
    // As if the first run stopped after two files.
    for (const [key, type] of FILES.slice(0, 2)) await postgres.put(key, originals.get(key)!, type);
    const report = await copyBetweenStorages(local, postgres);
    expect(report).toEqual({ total: FILES.length, copied: FILES.length - 2, skipped: 2, failed: [] });
    await expectSameFiles(postgres);
  });

  it("reports a copy damaged on its way, naming the file and both checksums", async () => {
    const report = await copyBetweenStorages(local, new BitFlippingStorage(postgres));
    expect(report.copied).toBe(0);
    expect(report.skipped).toBe(0);
    expect(report.failed.map((f) => f.key).sort()).toEqual(FILES.map(([key]) => key).sort());
    const jpg = report.failed.find((f) => f.key === "media/m1/original.jpg")!;
    expect(jpg.reason).toMatch(/^SHA-256 of the copy is [0-9a-f]{64}, expected [0-9a-f]{64}$/);
    expect(jpg.reason).toContain(`expected ${sha256(originals.get("media/m1/original.jpg")!)}`);
    // Run again on a sound connection: every damaged copy is replaced.
    expect(await copyBetweenStorages(local, postgres)).toMatchObject({ copied: FILES.length, failed: [] });
    await expectSameFiles(postgres);
  });

  it("finds a stored copy damaged afterwards and copies it again", async () => {
    await copyBetweenStorages(local, postgres);
    const file = await db.storedFile.findUniqueOrThrow({ where: { key: "media/m1/original.jpg" } });
    const chunk = await db.storedFileChunk.findUniqueOrThrow({
      where: { fileId_index: { fileId: file.id, index: 1 } },
    });
    const damaged = Uint8Array.from(chunk.data);
    damaged[7]! ^= 0xff;
    await db.storedFileChunk.update({
      where: { fileId_index: { fileId: file.id, index: 1 } },
      data: { data: damaged },
    });
    const report = await copyBetweenStorages(local, postgres);
    expect(report).toEqual({ total: FILES.length, copied: 1, skipped: FILES.length - 1, failed: [] });
    await expectSameFiles(postgres);
  });

  it("copies back from PostgreSQL to an empty local disk", async () => {
    await copyBetweenStorages(local, postgres);
    const fresh = new LocalDiskStorage(await mkdtemp(path.join(root, "back-")));
    expect(await copyBetweenStorages(postgres, fresh)).toMatchObject({ copied: FILES.length, failed: [] });
    await expectSameFiles(fresh);
  });
});

/** Flips one bit of `key`'s object where the S3 server keeps it, as damage at rest would. */
async function damageInBucket(key: string) {
  const file = s3Server.objectFile("migrate", s3Prefix + key);
  const bytes = new Uint8Array(await readFile(file));
  bytes[bytes.length >> 1]! ^= 0x01;
  await writeFile(file, bytes);
}

describe("copying media to and from S3", () => {
  it("copies every file from the local disk to S3 and verifies each; the second time copies nothing", async () => {
    expect(await copyBetweenStorages(local, s3)).toEqual({
      total: FILES.length,
      copied: FILES.length,
      skipped: 0,
      failed: [],
    });
    await expectSameFiles(s3);
    expect(await copyBetweenStorages(local, s3)).toEqual({
      total: FILES.length,
      copied: 0,
      skipped: FILES.length,
      failed: [],
    });
  });

  it("copies every file from S3 to PostgreSQL, each row with the original's SHA-256", async () => {
    await copyBetweenStorages(local, s3);
    expect(await copyBetweenStorages(s3, postgres)).toEqual({
      total: FILES.length,
      copied: FILES.length,
      skipped: 0,
      failed: [],
    });
    await expectSameFiles(postgres);
    const rows = await db.storedFile.findMany({ select: { key: true, sha256: true } });
    expect(Object.fromEntries(rows.map((r) => [r.key, r.sha256]))).toEqual(
      Object.fromEntries([...originals].map(([key, bytes]) => [key, sha256(bytes)])),
    );
  });

  it("reports copies damaged on their way into S3 and out of it, naming each file", async () => {
    const intoS3 = await copyBetweenStorages(local, new BitFlippingStorage(s3));
    expect(intoS3.copied).toBe(0);
    expect(intoS3.failed.map((f) => f.key).sort()).toEqual(FILES.map(([key]) => key).sort());
    expect(intoS3.failed.find((f) => f.key === "media/m2/original.png")!.reason).toBe(
      `SHA-256 of the copy is ${sha256(flipped(originals.get("media/m2/original.png")!))}, ` +
        `expected ${sha256(originals.get("media/m2/original.png")!)}`,
    );
    // On a sound connection every damaged copy is replaced, and copies on out of S3 alike.
    expect(await copyBetweenStorages(local, s3)).toMatchObject({ copied: FILES.length, failed: [] });
    const outOfS3 = await copyBetweenStorages(s3, new BitFlippingStorage(postgres));
    expect(outOfS3.failed.map((f) => f.key).sort()).toEqual(FILES.map(([key]) => key).sort());
    expect(outOfS3.failed[0]!.reason).toMatch(/^SHA-256 of the copy is [0-9a-f]{64}, expected [0-9a-f]{64}$/);
  });

  it("copies again a file damaged in the bucket afterwards", async () => {
    await copyBetweenStorages(local, s3);
    await damageInBucket("media/m1/original.jpg");
    await expect(s3.get("media/m1/original.jpg")).rejects.toThrow("does not match its SHA-256");
    const report = await copyBetweenStorages(local, s3);
    expect(report).toEqual({ total: FILES.length, copied: 1, skipped: FILES.length - 1, failed: [] });
    await expectSameFiles(s3);
  });
});

describe("npm run media:migrate", () => {
  const run = promisify(execFile);
  const command = (args: string[], dataDir: string, settings: Record<string, string> = {}) =>
    run(path.resolve("node_modules/.bin/tsx"), ["scripts/media-migrate.ts", ...args], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: process.env.DATABASE_URL, ...settings },
    }).then(
      (done) => ({ code: 0, ...done }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  it("copies DATA_DIR/uploads into the database and reports the counts", async () => {
    const dataDir = path.dirname(local.root);
    // The command reads DATA_DIR/uploads: give this test's files that name.
    await rename(local.root, path.join(dataDir, "uploads"));
    const first = await command(["--from", "local", "--to", "postgres", "--quiet"], dataDir);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(
      `local → postgres: ${FILES.length} file(s), ${FILES.length} copied and verified, 0 already there (same SHA-256), 0 failed.`,
    );
    await expectSameFiles(postgres);
  });

  /** This test's S3 storage as a user gives it to the command. */
  const s3Settings = () => ({
    S3_URL: s3Server.url,
    S3_BUCKET: "migrate",
    S3_PREFIX: s3Prefix,
    S3_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
    S3_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
    // On Node 20 the AWS SDK warns once that its releases after January 2027 need Node 22
    // (docs/production.md); silenced so that stderr holds only what the command says.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  });

  it("copies DATA_DIR/uploads into S3, then S3 into the database, and reports the counts", async () => {
    const dataDir = await mkdtemp(path.join(root, "data-"));
    await rename(local.root, path.join(dataDir, "uploads"));
    const intoS3 = await command(["--from", "local", "--to", "s3", "--quiet"], dataDir, s3Settings());
    expect(intoS3.stderr).toBe("");
    expect(intoS3.code).toBe(0);
    expect(intoS3.stdout).toContain(
      `local → s3: ${FILES.length} file(s), ${FILES.length} copied and verified, 0 already there (same SHA-256), 0 failed.`,
    );
    await expectSameFiles(s3);
    const outOfS3 = await command(["--from", "s3", "--to", "postgres", "--quiet"], dataDir, s3Settings());
    expect(outOfS3.stderr).toBe("");
    expect(outOfS3.code).toBe(0);
    expect(outOfS3.stdout).toContain(
      `s3 → postgres: ${FILES.length} file(s), ${FILES.length} copied and verified, 0 already there (same SHA-256), 0 failed.`,
    );
    await expectSameFiles(postgres);
  });

  it("names a file damaged in the bucket, copies the rest and exits 1", async () => {
    await copyBetweenStorages(local, s3);
    await damageInBucket("media/m1/w640.webp");
    const result = await command(["--from", "s3", "--to", "postgres", "--quiet"], root, s3Settings());
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("failed  media/m1/w640.webp");
    expect(result.stdout).toContain(
      `s3 → postgres: ${FILES.length} file(s), ${FILES.length - 1} copied and verified, 0 already there (same SHA-256), 1 failed.`,
    );
    expect(result.stderr).toContain(
      "FAILED media/m1/w640.webp: Stored object media/m1/w640.webp does not match its SHA-256",
    );
    const rows = await db.storedFile.findMany({ select: { key: true }, orderBy: { key: "asc" } });
    expect(rows.map((r) => r.key)).toEqual(
      FILES.map(([key]) => key)
        .filter((key) => key !== "media/m1/w640.webp")
        .sort(),
    );
  });

  it("says which setting is missing when S3 has no bucket", async () => {
    const result = await command(["--from", "local", "--to", "s3"], root, { ...s3Settings(), S3_BUCKET: "" });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("S3_BUCKET is required to use S3 storage");
  });

  it("refuses a run with the same backend on both sides", async () => {
    const result = await command(["--from", "postgres", "--to", "postgres"], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--from and --to are both postgres: nothing to copy.");
  });
});
