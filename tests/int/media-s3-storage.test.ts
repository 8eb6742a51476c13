// With MEDIA_STORAGE=s3, uploads (original and resized copies) go into the bucket of the S3_*
// settings, not the disk, and the public /media route serves them from there, streamed, with the
// same headers as from the local disk. The bucket is a real S3-compatible server (s3rver).
import { createHash, randomBytes } from "node:crypto";
import { readdir, rm } from "node:fs/promises";
import { HeadObjectCommand, S3Client } from "@aws-sdk/client-s3";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// lib/platform/env is parsed when first imported, so this runs before every import below.
const { DATA_DIR, s3Server } = await vi.hoisted(async () => {
  const { mkdtemp } = await import("node:fs/promises");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const { startS3Server, S3RVER_CREDENTIALS } = await import("../support/s3-server");
  const dir = await mkdtemp(join(tmpdir(), "crosscurrent-media-s3-"));
  const server = await startS3Server(["media"]);
  Object.assign(process.env, {
    DATA_DIR: dir,
    MEDIA_STORAGE: "s3",
    S3_URL: server.url,
    S3_BUCKET: "media",
    S3_PREFIX: "crosscurrent",
    S3_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
    S3_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
  });
  return { DATA_DIR: dir, s3Server: server };
});

import { GET as getMediaFile } from "@/app/media/[...key]/route";
import { deleteMedia } from "@/lib/media/manage-media";
import { processUpload } from "@/lib/media/process-upload";
import { getStorage } from "@/lib/platform/storage";
import { S3Storage } from "@/lib/platform/storage/s3";
import type { CurrentUser } from "@/lib/platform/session";
import { S3RVER_CREDENTIALS } from "../support/s3-server";
import { createTestUser } from "../support/users";

const bucket = new S3Client({
  endpoint: s3Server.url,
  region: "us-east-1",
  credentials: S3RVER_CREDENTIALS,
  forcePathStyle: true,
});

let writer: CurrentUser;
beforeAll(async () => {
  writer = await createTestUser("WRITER");
});
afterAll(async () => {
  bucket.destroy();
  await s3Server.close();
  await rm(DATA_DIR, { recursive: true, force: true });
});

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function photo(width: number, height: number): Promise<File> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 7919) % 251;
  const bytes = await sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg()
    .toBuffer();
  return new File([new Uint8Array(bytes)], "photo.jpg");
}

const get = (url: string, method = "GET") =>
  getMediaFile(new Request(`http://localhost${url}`, { method }), {
    params: Promise.resolve({ key: url.split("/").slice(2) }),
  });

/** The object the bucket holds under `key`, or null. */
const inBucket = (key: string) =>
  bucket
    .send(new HeadObjectCommand({ Bucket: "media", Key: `crosscurrent/${key}` }))
    .catch((error: { name?: string }) => (error.name === "NotFound" ? null : Promise.reject(error)));

describe("media in S3", () => {
  it("is the storage MEDIA_STORAGE=s3 chooses, on the bucket and prefix of the S3_* settings", () => {
    expect(getStorage()).toBeInstanceOf(S3Storage);
    expect(getStorage()).toMatchObject({ bucket: "media", prefix: "crosscurrent/" });
  });

  it("stores an upload's original and resized copies as objects with their types, nothing on disk", async () => {
    const media = await processUpload(await photo(1400, 900), "photo.jpg", "A photo", writer);
    const keys: string[] = [];
    for await (const key of getStorage().keys()) if (key.startsWith(`media/${media.id}/`)) keys.push(key);
    expect(keys.sort()).toEqual(
      ["original.jpg", "w1280.webp", "w320.webp", "w640.webp"].map((f) => `media/${media.id}/${f}`),
    );
    expect(await inBucket(`media/${media.id}/original.jpg`)).toMatchObject({
      ContentType: "image/jpeg",
      ContentLength: media.byteSize,
      Metadata: { sha256: media.sha256 },
    });
    expect((await inBucket(`media/${media.id}/w320.webp`))?.ContentType).toBe("image/webp");
    expect(await readdir(DATA_DIR, { recursive: true })).toEqual([]);
  });

  it("serves them through /media with type, length and caching headers", async () => {
    const media = await processUpload(await photo(700, 500), "photo.jpg", "Served", writer);
    const response = await get(media.url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/jpeg");
    expect(response.headers.get("content-length")).toBe(String(media.byteSize));
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toBe("default-src 'none'");
    expect(sha256(new Uint8Array(await response.arrayBuffer()))).toBe(media.sha256);

    const variant = await get(media.variants[0]!.url);
    expect(variant.status).toBe(200);
    expect(variant.headers.get("content-type")).toBe("image/webp");
    expect((await sharp(new Uint8Array(await variant.arrayBuffer())).metadata()).width).toBe(320);
  });

  it("streams a file of many megabytes in pieces, holding a fraction of it at a time", async () => {
    const size = 24 * 1024 * 1024 + 7;
    let expected: string;
    {
      const bytes = new Uint8Array(randomBytes(size));
      expected = sha256(bytes);
      await getStorage().put("media/large/original.png", bytes, "image/png");
    }
    globalThis.gc?.();
    const before = process.memoryUsage().arrayBuffers;
    const response = await get("/media/large/original.png");
    expect(response.headers.get("content-length")).toBe(String(size));
    const reader = response.body!.getReader();
    const first = await reader.read();
    // Read whole, the file would be in memory by now; streamed, only what is on its way is.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(size / 3);
    const hash = createHash("sha256").update(first.value!);
    let pieces = 1;
    let largest = first.value!.length;
    let received = first.value!.length;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      hash.update(value);
      pieces += 1;
      largest = Math.max(largest, value.length);
      received += value.length;
    }
    expect(received).toBe(size);
    expect(hash.digest("hex")).toBe(expected);
    expect(largest).toBeLessThanOrEqual(1024 * 1024);
    expect(pieces).toBeGreaterThan(24);
  });

  it("answers HEAD with the same headers and no body", async () => {
    const media = await processUpload(await photo(500, 400), "photo.jpg", "Headed", writer);
    const head = await get(media.url, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(String(media.byteSize));
    expect(head.headers.get("content-type")).toBe("image/jpeg");
    expect(head.body).toBeNull();
  });

  it("answers 404, never cached, for a key the bucket does not hold", async () => {
    const response = await get("/media/no-such-id/original.png");
    expect(response.status).toBe(404);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("deletes the objects with the image", async () => {
    const media = await processUpload(await photo(400, 300), "photo.jpg", "Gone soon", writer);
    await deleteMedia(media.id, { actor: writer, ip: null });
    expect(await inBucket(`media/${media.id}/original.jpg`)).toBeNull();
    expect(await inBucket(`media/${media.id}/w320.webp`)).toBeNull();
    expect((await get(media.url)).status).toBe(404);
  });
});
