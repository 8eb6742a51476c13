// With MEDIA_STORAGE=postgres, uploads (original and resized copies) go into the database, not
// the disk, and the public /media route serves them from there, streamed, with the same headers
// as from the local disk.
import { readdir, rm } from "node:fs/promises";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// lib/platform/env is parsed when first imported, so this runs before every import below.
const DATA_DIR = await vi.hoisted(async () => {
  const { mkdtemp } = await import("node:fs/promises");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = await mkdtemp(join(tmpdir(), "crosscurrent-media-pg-"));
  process.env.DATA_DIR = dir;
  process.env.MEDIA_STORAGE = "postgres";
  return dir;
});

import { GET as getMediaFile } from "@/app/media/[...key]/route";
import { deleteMedia } from "@/lib/media/manage-media";
import { processUpload } from "@/lib/media/process-upload";
import { db } from "@/lib/platform/db";
import { getStorage } from "@/lib/platform/storage";
import { PostgresStorage } from "@/lib/platform/storage/postgres";
import type { CurrentUser } from "@/lib/platform/session";
import { createTestUser } from "../support/users";

let writer: CurrentUser;
beforeAll(async () => {
  writer = await createTestUser("WRITER");
});
afterAll(() => rm(DATA_DIR, { recursive: true, force: true }));

async function photo(width: number, height: number): Promise<File> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 7919) % 251;
  const bytes = await sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg()
    .toBuffer();
  return new File([new Uint8Array(bytes)], "photo.jpg");
}

const get = (url: string, headers: Record<string, string> = {}) =>
  getMediaFile(new Request(`http://localhost${url}`, { headers }), {
    params: Promise.resolve({ key: url.split("/").slice(2) }),
  });

describe("media in PostgreSQL", () => {
  it("is the storage MEDIA_STORAGE=postgres chooses", () => {
    expect(getStorage()).toBeInstanceOf(PostgresStorage);
  });

  it("stores an upload's original and resized copies as rows, nothing on disk", async () => {
    const media = await processUpload(await photo(1400, 900), "photo.jpg", "A photo", writer);
    const files = await db.storedFile.findMany({
      where: { key: { startsWith: `media/${media.id}/` } },
      select: { key: true, byteSize: true, sha256: true },
      orderBy: { key: "asc" },
    });
    expect(files.map((f) => f.key)).toEqual(
      [`original.jpg`, `w1280.webp`, `w320.webp`, `w640.webp`].map((f) => `media/${media.id}/${f}`),
    );
    const original = files.find((f) => f.key.endsWith("original.jpg"))!;
    expect(original).toMatchObject({ byteSize: media.byteSize, sha256: media.sha256 });
    expect(await readdir(DATA_DIR, { recursive: true })).toEqual([]);
  });

  it("serves them through /media with type, length and caching headers, streamed", async () => {
    const media = await processUpload(await photo(700, 500), "photo.jpg", "Served", writer);
    const response = await get(media.url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/jpeg");
    expect(response.headers.get("content-length")).toBe(String(media.byteSize));
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toBe("default-src 'none'");
    const body = new Uint8Array(await response.arrayBuffer());
    expect(body).toEqual((await getStorage().get(`media/${media.id}/original.jpg`))!.bytes);

    const variant = await get(media.variants[0]!.url);
    expect(variant.status).toBe(200);
    expect(variant.headers.get("content-type")).toBe("image/webp");
    expect((await sharp(new Uint8Array(await variant.arrayBuffer())).metadata()).width).toBe(320);
  });

  it("answers HEAD with the same headers and no body", async () => {
    const media = await processUpload(await photo(500, 400), "photo.jpg", "Headed", writer);
    const head = await getMediaFile(new Request(`http://localhost${media.url}`, { method: "HEAD" }), {
      params: Promise.resolve({ key: media.url.split("/").slice(2) }),
    });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(String(media.byteSize));
    expect(head.headers.get("content-type")).toBe("image/jpeg");
    expect(head.body).toBeNull();
  });

  it("answers 404, never cached, for a key the database does not hold", async () => {
    const response = await get("/media/no-such-id/original.png");
    expect(response.status).toBe(404);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("deletes the rows with the image", async () => {
    const media = await processUpload(await photo(400, 300), "photo.jpg", "Gone soon", writer);
    await deleteMedia(media.id, { actor: writer, ip: null });
    expect(await db.storedFile.count({ where: { key: { startsWith: `media/${media.id}/` } } })).toBe(0);
    expect((await get(media.url)).status).toBe(404);
  });
});
