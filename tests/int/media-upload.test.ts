// Uploads end to end with real sharp, real files and this file's own database: type detection
// from the bytes, variants, checksums, refusals, clean-up after a failed write, the public file
// route and the alt/delete changes.
import { createHash } from "node:crypto";
import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

// lib/platform/env reads DATA_DIR when first imported, so this runs before every import below.
const DATA_DIR = await vi.hoisted(async () => {
  const { mkdtemp } = await import("node:fs/promises");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = await mkdtemp(join(tmpdir(), "crosscurrent-media-"));
  process.env.DATA_DIR = dir;
  return dir;
});

import { POST } from "@/app/api/admin/media/route";
import {
  deleteMedia as deleteMediaAction,
  updateMediaAlt as updateMediaAltAction,
} from "@/app/(admin)/admin/media/actions";
import { GET as getMediaFile } from "@/app/media/[...key]/route";
import { ActionFailure } from "@/lib/platform/actions/result";
import { runAction } from "@/lib/platform/actions/run-action";
import { db } from "@/lib/platform/db";
import { env } from "@/lib/platform/env";
import { listMedia } from "@/lib/media/list-media";
import { deleteMedia, updateMediaAlt } from "@/lib/media/manage-media";
import { processUpload } from "@/lib/media/process-upload";
import { MEDIA_MESSAGES } from "@/lib/media/rules";
import { parseVariants } from "@/lib/media/types";
import type { CurrentUser } from "@/lib/platform/session";
import { getStorage, InvalidStorageKeyError } from "@/lib/platform/storage";
import { createTestUser } from "../support/users";

const UPLOADS = path.join(DATA_DIR, "uploads");
const IP = "203.0.113.9";
let writer: CurrentUser;

beforeAll(async () => {
  writer = await createTestUser("WRITER");
});
afterAll(() => rm(DATA_DIR, { recursive: true, force: true }));

/** A test image with gradients and edges, so encoders have something to do. */
async function makeImage(format: "png" | "jpeg" | "webp" | "avif", width: number, height: number) {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      pixels[i] = x % 256;
      pixels[i + 1] = y % 256;
      pixels[i + 2] = ((x >> 5) ^ (y >> 5)) & 1 ? 220 : 30;
    }
  }
  const image = sharp(pixels, { raw: { width, height, channels: 3 } });
  return new Uint8Array(
    await (format === "avif" ? image.avif({ effort: 0 }) : image.toFormat(format)).toBuffer(),
  );
}

function fileOf(bytes: Uint8Array, name: string, type = ""): File {
  return new File([bytes as Uint8Array<ArrayBuffer>], name, { type });
}

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(folder, path.join(e.parentPath, e.name)));
}

async function expectRefused(promise: Promise<unknown>, message: string) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ActionFailure);
  expect((error as ActionFailure).code).toBe("INVALID");
  expect((error as ActionFailure).message).toBe(message);
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

describe("media uploads", () => {
  it("stores files under the test's DATA_DIR", () => {
    expect(env.DATA_DIR).toBe(DATA_DIR);
  });

  for (const [format, contentType, extension] of [
    ["png", "image/png", "png"],
    ["jpeg", "image/jpeg", "jpg"],
    ["webp", "image/webp", "webp"],
    ["avif", "image/avif", "avif"],
  ] as const) {
    it(`accepts ${format}: row, audit, original and variants with their dimensions`, async () => {
      const media = await processUpload(
        fileOf(await makeImage(format, 2000, 1500), `photo.${extension}`),
        `photo.${extension}`,
        `  A ${format} photo  `,
        writer,
        IP,
      );
      const row = await db.media.findUniqueOrThrow({ where: { id: media.id } });
      expect(row).toMatchObject({
        storageKey: `media/${media.id}/original.${extension}`,
        fileName: `photo.${extension}`,
        contentType,
        width: 2000,
        height: 1500,
        alt: `A ${format} photo`,
        uploadedById: writer.id,
      });
      expect(media.url).toBe(`/media/${media.id}/original.${extension}`);

      const original = await getStorage().get(row.storageKey);
      expect(original?.contentType).toBe(contentType);
      expect(row.sha256).toBe(sha256(original!.bytes));
      expect(row.byteSize).toBe(original!.bytes.length);
      const stored = await sharp(original!.bytes).metadata();
      expect([stored.width, stored.height]).toEqual([2000, 1500]);

      const variants = parseVariants(row.variants);
      expect(variants.map((v) => [v.width, v.height])).toEqual([
        [320, 240],
        [640, 480],
        [1280, 960],
        [1920, 1440],
      ]);
      for (const variant of variants) {
        expect(variant.storageKey).toBe(`media/${media.id}/w${variant.width}.webp`);
        expect(variant.contentType).toBe("image/webp");
        const file = await getStorage().get(variant.storageKey);
        const meta = await sharp(file!.bytes).metadata();
        expect([meta.format, meta.width, meta.height]).toEqual(["webp", variant.width, variant.height]);
      }
      expect(media.variants.map((v) => v.url)).toEqual(variants.map((v) => `/${v.storageKey}`));

      const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: media.id } });
      expect(audit).toMatchObject({
        action: "media.upload",
        actorId: writer.id,
        entityType: "Media",
        ip: IP,
      });
    });
  }

  it("makes only the variants narrower than the original", async () => {
    const media = await processUpload(
      fileOf(await makeImage("png", 700, 350), "small.png"),
      "small.png",
      "Small",
      writer,
    );
    expect(media.variants.map((v) => [v.width, v.height])).toEqual([
      [320, 160],
      [640, 320],
    ]);
    const tiny = await processUpload(
      fileOf(await makeImage("png", 200, 100), "tiny.png"),
      "tiny.png",
      "Tiny",
      writer,
    );
    expect(tiny.variants).toEqual([]);
    expect(await filesUnder(path.join(UPLOADS, "media", tiny.id))).toEqual(["original.png"]);
  });

  it("goes by the bytes: a PNG named .jpg is stored as image/png", async () => {
    const media = await processUpload(
      fileOf(await makeImage("png", 400, 300), "holiday.jpg", "image/jpeg"),
      "holiday.jpg",
      "Holiday",
      writer,
    );
    expect(media.contentType).toBe("image/png");
    expect(media.url).toBe(`/media/${media.id}/original.png`);
    expect(media.fileName).toBe("holiday.jpg");
    expect((await getStorage().get(`media/${media.id}/original.png`))?.contentType).toBe("image/png");
  });

  it("turns images upright by EXIF and strips their metadata", async () => {
    const pixels = await makeImage("png", 400, 200);
    const jpeg = new Uint8Array(
      await sharp(pixels)
        .jpeg()
        .withMetadata({ orientation: 6 })
        .withExif({ IFD0: { Copyright: "Someone", Artist: "Camera owner" } })
        .toBuffer(),
    );
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    const media = await processUpload(fileOf(jpeg, "rotated.jpg"), "rotated.jpg", "Rotated", writer);
    expect([media.width, media.height]).toEqual([200, 400]);
    const stored = await sharp((await getStorage().get(`media/${media.id}/original.jpg`))!.bytes).metadata();
    expect([stored.width, stored.height, stored.orientation, stored.exif]).toEqual([
      200,
      400,
      undefined,
      undefined,
    ]);
  });

  describe("refusals leave no row and no file", () => {
    let filesBefore: string[];
    let rowsBefore: number;
    beforeEach(async () => {
      filesBefore = await filesUnder(UPLOADS);
      rowsBefore = await db.media.count();
    });
    async function expectNothingStored() {
      expect(await filesUnder(UPLOADS)).toEqual(filesBefore);
      expect(await db.media.count()).toBe(rowsBefore);
    }

    it("refuses an HTML page named .png", async () => {
      const html = new TextEncoder().encode(
        "<!doctype html><html><script>alert(document.cookie)</script></html>",
      );
      await expectRefused(
        processUpload(fileOf(html, "cat.png", "image/png"), "cat.png", "Cat", writer),
        MEDIA_MESSAGES.wrongType,
      );
      expect(MEDIA_MESSAGES.wrongType).toBe("Only JPEG, PNG, WebP and AVIF images can be uploaded.");
      await expectNothingStored();
    });

    it("refuses SVG, even though sharp could render it", async () => {
      const svg = new TextEncoder().encode(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>',
      );
      expect((await sharp(svg).metadata()).format).toBe("svg");
      await expectRefused(
        processUpload(fileOf(svg, "logo.svg"), "logo.svg", "Logo", writer),
        MEDIA_MESSAGES.wrongType,
      );
      await expectRefused(
        processUpload(fileOf(svg, "logo.png"), "logo.png", "Logo", writer),
        MEDIA_MESSAGES.wrongType,
      );
      await expectNothingStored();
    });

    it("refuses GIF", async () => {
      const gif = new Uint8Array(
        await sharp(await makeImage("png", 20, 20))
          .gif()
          .toBuffer(),
      );
      await expectRefused(
        processUpload(fileOf(gif, "a.gif"), "a.gif", "GIF", writer),
        MEDIA_MESSAGES.wrongType,
      );
      await expectNothingStored();
    });

    it("refuses 10 MB + 1 byte, and an empty file", async () => {
      const big = new Uint8Array(10 * 1024 * 1024 + 1);
      big.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      await expectRefused(
        processUpload(fileOf(big, "big.png"), "big.png", "Big", writer),
        MEDIA_MESSAGES.tooLarge,
      );
      await expectRefused(
        processUpload(fileOf(new Uint8Array(), "empty.png"), "empty.png", "Empty", writer),
        MEDIA_MESSAGES.empty,
      );
      await expectNothingStored();
    });

    it("refuses a PNG with a corrupt header, and a truncated one", async () => {
      const png = await makeImage("png", 300, 200);
      const corrupt = png.slice();
      corrupt.fill(0x41, 12, 40);
      await expectRefused(
        processUpload(fileOf(corrupt, "bad.png"), "bad.png", "Bad", writer),
        MEDIA_MESSAGES.unreadable,
      );
      const truncated = png.slice(0, Math.floor(png.length / 2));
      await expectRefused(
        processUpload(fileOf(truncated, "half.png"), "half.png", "Half", writer),
        MEDIA_MESSAGES.unreadable,
      );
      await expectNothingStored();
    });

    it("refuses an image of too many pixels before decoding it", async () => {
      const huge = new Uint8Array(
        await sharp({ create: { width: 10_000, height: 6_000, channels: 3, background: "#fff" } })
          .png({ compressionLevel: 9 })
          .toBuffer(),
      );
      expect(huge.length).toBeLessThan(10 * 1024 * 1024);
      await expectRefused(
        processUpload(fileOf(huge, "huge.png"), "huge.png", "Huge", writer),
        MEDIA_MESSAGES.tooManyPixels,
      );
      await expectNothingStored();
    });

    it("refuses empty alt text", async () => {
      const png = await makeImage("png", 50, 50);
      const error = await processUpload(fileOf(png, "a.png"), "a.png", "   ", writer).catch(
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code: "INVALID", fieldErrors: { alt: [MEDIA_MESSAGES.altRequired] } });
      await expectNothingStored();
    });

    it("removes the stored files when the database write fails", async () => {
      const png = await makeImage("png", 1000, 800);
      await expect(
        processUpload(fileOf(png, "a.png"), "a.png", "Orphan", { id: "no-such-user" }),
      ).rejects.toThrow();
      await expectNothingStored();
    });
  });

  it("refuses storage keys that could leave the uploads folder", async () => {
    const storage = getStorage();
    await expect(storage.put("../../etc/passwd", new Uint8Array([1]), "image/png")).rejects.toBeInstanceOf(
      InvalidStorageKeyError,
    );
    await expect(storage.get("../../etc/passwd")).rejects.toBeInstanceOf(InvalidStorageKeyError);
    await expect(storage.delete("media/../../../etc/passwd")).rejects.toBeInstanceOf(InvalidStorageKeyError);
  });
});

describe("POST /api/admin/media", () => {
  it("uploads through the guarded route definition", async () => {
    const png = await makeImage("png", 800, 600);
    const result = await runAction(POST.definition, writer, {
      file: fileOf(png, "route.png", "image/png"),
      alt: "Via route",
    });
    expect(result.ok).toBe(true);
    const data = (
      result as {
        data: { id: string; url: string; width: number; height: number; alt: string; variants: unknown[] };
      }
    ).data;
    expect(data).toMatchObject({
      url: `/media/${data.id}/original.png`,
      width: 800,
      height: 600,
      alt: "Via route",
    });
    expect(data.variants).toHaveLength(2);
  });

  it("validates the multipart fields", async () => {
    const png = await makeImage("png", 20, 20);
    const noAlt = await runAction(POST.definition, writer, { file: fileOf(png, "a.png"), alt: "" });
    expect(noAlt).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: { alt: [MEDIA_MESSAGES.altRequired] },
    });
    const noFile = await runAction(POST.definition, writer, { file: "not a file", alt: "Alt" });
    expect(noFile).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: { file: [MEDIA_MESSAGES.noFile] },
    });
    const longAlt = await runAction(POST.definition, writer, {
      file: fileOf(png, "a.png"),
      alt: "x".repeat(301),
    });
    expect(longAlt).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: { alt: [MEDIA_MESSAGES.altTooLong] },
    });
    const html = new TextEncoder().encode("<html></html>");
    const wrong = await runAction(POST.definition, writer, { file: fileOf(html, "x.png"), alt: "Alt" });
    expect(wrong).toMatchObject({ ok: false, code: "INVALID", message: MEDIA_MESSAGES.wrongType });
  });

  it("accepts the File that a multipart request body parses to", async () => {
    const form = new FormData();
    form.set("file", fileOf(await makeImage("jpeg", 400, 300), "form.jpg", "image/jpeg"));
    form.set("alt", "From a form");
    const input = Object.fromEntries(
      (
        await new Request("http://localhost/api/admin/media", { method: "POST", body: form }).formData()
      ).entries(),
    );
    const result = await runAction(POST.definition, writer, input);
    expect(result).toMatchObject({ ok: true, data: { width: 400, height: 300, alt: "From a form" } });
  });

  it("answers 413 to a body announced as too large, before reading it", async () => {
    const request = new NextRequest("http://localhost/api/admin/media", {
      method: "POST",
      headers: {
        "content-length": String(11 * 1024 * 1024),
        "content-type": "multipart/form-data; boundary=x",
      },
      body: "--x--",
    });
    const response = await POST(request);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      error: {
        code: "TOO_LARGE",
        message: MEDIA_MESSAGES.tooLarge,
        fieldErrors: { file: [MEDIA_MESSAGES.tooLarge] },
      },
    });
  });

  it("refuses anonymous callers", async () => {
    const png = await makeImage("png", 20, 20);
    const result = await runAction(POST.definition, null, { file: fileOf(png, "a.png"), alt: "Alt" });
    expect(result).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
  });
});

describe("GET /media/[...key]", () => {
  const get = (key: string[]) =>
    getMediaFile(new Request("http://localhost/"), { params: Promise.resolve({ key }) });

  it("serves stored files with their type and safe headers", async () => {
    const media = await processUpload(
      fileOf(await makeImage("webp", 700, 500), "s.webp"),
      "s.webp",
      "Served",
      writer,
    );
    const [id, file] = media.url.split("/").slice(2);
    const response = await get([id!, file!]);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/webp");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(response.headers.get("content-security-policy")).toBe("default-src 'none'");
    const stored = await getStorage().get(`media/${id}/${file}`);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(stored!.bytes);
    const variant = await get([id!, "w320.webp"]);
    expect((await sharp(new Uint8Array(await variant.arrayBuffer())).metadata()).width).toBe(320);
  });

  it("answers 404 for unknown keys and anything outside the uploads folder", async () => {
    for (const key of [
      ["no-such-id", "original.png"],
      ["..", "..", "etc", "passwd"],
      ["..", "uploads", "x.png"],
      [".."],
      ["%2e%2e", "x.png"],
      ["ABC", "original.png"],
      [""],
      [],
    ]) {
      const response = await get(key);
      expect(response.status, key.join("/")).toBe(404);
      expect(response.headers.get("cache-control")).toBe("no-store");
    }
  });
});

describe("listing, alt text and deletion", () => {
  it("filters by file name or alt text and pages by cursor", async () => {
    const png = await makeImage("png", 40, 40);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const media = await processUpload(
        fileOf(png, `zebra-${i}.png`),
        `zebra-${i}.png`,
        `Striped animal ${i}`,
        writer,
      );
      ids.push(media.id);
    }
    const byName = await listMedia({ q: "ZEBRA", limit: 2 });
    expect(byName.items.map((m) => m.id)).toEqual([ids[4], ids[3]]);
    const second = await listMedia({ q: "zebra", limit: 2, cursor: byName.nextCursor! });
    expect(second.items.map((m) => m.id)).toEqual([ids[2], ids[1]]);
    const last = await listMedia({ q: "zebra", limit: 2, cursor: second.nextCursor! });
    expect(last.items.map((m) => m.id)).toEqual([ids[0]]);
    expect(last.nextCursor).toBeNull();
    expect((await listMedia({ q: "striped animal 3" })).items.map((m) => m.id)).toEqual([ids[3]]);
    expect((await listMedia({ cursor: "garbage", limit: 1 })).items).toHaveLength(1);
  });

  it("updates alt text with an audit entry", async () => {
    const media = await processUpload(
      fileOf(await makeImage("png", 40, 40), "a.png"),
      "a.png",
      "Before",
      writer,
    );
    const updated = await updateMediaAlt(media.id, "  After  ", { actor: writer, ip: IP });
    expect(updated.alt).toBe("After");
    const audit = await db.auditLog.findFirstOrThrow({
      where: { entityId: media.id, action: "media.updateAlt" },
    });
    expect(audit).toMatchObject({ before: { alt: "Before" }, after: { alt: "After" } });
    await expect(updateMediaAlt(media.id, "", { actor: writer, ip: IP })).rejects.toMatchObject({
      code: "INVALID",
    });
    await expect(updateMediaAlt("missing", "Alt", { actor: writer, ip: IP })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("refuses to delete a featured image or one shown in an article body", async () => {
    const media = await processUpload(
      fileOf(await makeImage("png", 700, 400), "f.png"),
      "f.png",
      "Featured",
      writer,
    );
    const article = await db.article.create({
      data: {
        slug: `featured-${media.id}`,
        title: "An article",
        body: { type: "doc", content: [] },
        featuredImageId: media.id,
      },
    });
    await expect(deleteMedia(media.id, { actor: writer, ip: IP })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await db.article.update({
      where: { id: article.id },
      data: {
        featuredImageId: null,
        body: {
          type: "doc",
          content: [{ type: "image", attrs: { src: `/media/${media.id}/w640.webp`, alt: "x" } }],
        },
      },
    });
    await expect(deleteMedia(media.id, { actor: writer, ip: IP })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await db.media.count({ where: { id: media.id } })).toBe(1);
    expect(await filesUnder(path.join(UPLOADS, "media", media.id))).toHaveLength(3);
  });

  it("deletes the row, its files and writes an audit entry", async () => {
    const media = await processUpload(
      fileOf(await makeImage("png", 700, 400), "d.png"),
      "d.png",
      "Doomed",
      writer,
    );
    await deleteMedia(media.id, { actor: writer, ip: IP });
    expect(await db.media.count({ where: { id: media.id } })).toBe(0);
    expect(await filesUnder(path.join(UPLOADS, "media", media.id))).toEqual([]);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { entityId: media.id, action: "media.delete" },
    });
    expect(audit.before).toMatchObject({ storageKey: media.url.slice(1), alt: "Doomed" });
    await expect(deleteMedia(media.id, { actor: writer, ip: IP })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("guards the server actions like every other action", async () => {
    const media = await processUpload(
      fileOf(await makeImage("png", 40, 40), "g.png"),
      "g.png",
      "Guarded",
      writer,
    );
    const anonymous = await runAction(updateMediaAltAction.definition, null, { mediaId: media.id, alt: "x" });
    expect(anonymous).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    const noAlt = await runAction(updateMediaAltAction.definition, writer, { mediaId: media.id, alt: " " });
    expect(noAlt).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: { alt: [MEDIA_MESSAGES.altRequired] },
    });
    const invalid = await runAction(deleteMediaAction.definition, writer, {});
    expect(invalid).toMatchObject({ ok: false, code: "INVALID" });
  });
});
