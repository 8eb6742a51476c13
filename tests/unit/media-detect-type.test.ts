// The byte sniffer and the storage key rules, with no database.
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { detectImageType } from "@/lib/media/detect-type";
import { LocalDiskStorage } from "@/lib/platform/storage/local-disk";
import { InvalidStorageKeyError, isValidStorageKey } from "@/lib/platform/storage/storage";

const text = (s: string) => new TextEncoder().encode(s);

describe("detectImageType", () => {
  it("recognises JPEG, PNG, WebP and AVIF made by sharp", async () => {
    const image = sharp({ create: { width: 8, height: 8, channels: 3, background: "#c33" } });
    for (const [format, contentType] of [
      ["jpeg", "image/jpeg"],
      ["png", "image/png"],
      ["webp", "image/webp"],
      ["avif", "image/avif"],
    ] as const) {
      const bytes = new Uint8Array(await image.clone().toFormat(format).toBuffer());
      expect(detectImageType(bytes)?.contentType, format).toBe(contentType);
    }
  });

  it("refuses HTML, SVG, text, GIF, HEIC and truncated signatures", async () => {
    const gif = new Uint8Array(
      await sharp({ create: { width: 4, height: 4, channels: 3, background: "#000" } })
        .gif()
        .toBuffer(),
    );
    const heicLike = new Uint8Array([
      ...[0, 0, 0, 24],
      ...text("ftypheic"),
      ...[0, 0, 0, 0],
      ...text("mif1heic"),
      ...new Array<number>(16).fill(0),
    ]);
    for (const bytes of [
      text("<!doctype html><script>alert(1)</script>"),
      text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      text("just some text"),
      gif,
      heicLike,
      new Uint8Array([0x89, 0x50, 0x4e]),
      new Uint8Array([]),
      text("RIFF\0\0\0\0WAVEfmt "),
    ]) {
      expect(detectImageType(bytes)).toBeNull();
    }
  });

  it("recognises AVIF by a compatible brand and ignores a lying box size", () => {
    const avif = new Uint8Array([
      ...[0, 0, 0, 24],
      ...text("ftypmif1"),
      ...[0, 0, 0, 0],
      ...text("miafavif"),
    ]);
    expect(detectImageType(avif)?.contentType).toBe("image/avif");
    const lying = new Uint8Array([...[0xff, 0xff, 0xff, 0xff], ...text("ftypavif"), ...[0, 0, 0, 0]]);
    expect(detectImageType(lying)).toBeNull();
  });
});

describe("storage keys", () => {
  it("accepts plain keys and refuses anything that could leave the folder", () => {
    for (const key of ["media/abc/original.png", "media/0f/w640.webp", "a", "a_b-c.d/e"]) {
      expect(isValidStorageKey(key), key).toBe(true);
    }
    for (const key of [
      "../../etc/passwd",
      "media/../../etc/passwd",
      "media/..",
      "/etc/passwd",
      "media//x.png",
      "media/x.png/",
      "media/.hidden",
      "media/a..b.png",
      "Media/x.png",
      "media\\..\\x.png",
      "media/x y.png",
      "media/x.png\0",
      "",
      `media/${"a".repeat(600)}.png`,
    ]) {
      expect(isValidStorageKey(key), key).toBe(false);
    }
  });
});

describe("LocalDiskStorage", () => {
  let root: string;
  let storage: LocalDiskStorage;
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "crosscurrent-storage-"));
    storage = new LocalDiskStorage(path.join(root, "uploads"));
    await writeFile(path.join(root, "secret.png"), "outside the uploads folder");
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it("puts, gets and deletes, tidying empty folders", async () => {
    await storage.put("media/one/original.png", png, "image/png");
    expect(await storage.get("media/one/original.png")).toEqual({ bytes: png, contentType: "image/png" });
    await storage.delete("media/one/original.png");
    expect(await storage.get("media/one/original.png")).toBeNull();
    expect(await readdir(path.join(root, "uploads"))).toEqual([]);
    await expect(storage.delete("media/one/original.png")).resolves.toBeUndefined();
  });

  it("answers null for missing keys and for folders", async () => {
    await storage.put("media/two/original.png", png, "image/png");
    expect(await storage.get("media/nothing.png")).toBeNull();
    expect(await storage.get("media/two")).toBeNull();
    expect(await storage.get("media/two/original.png/x.png")).toBeNull();
  });

  it("refuses traversal keys in put, get and delete", async () => {
    for (const key of ["../../etc/passwd", "../secret.png", "media/../../secret.png"]) {
      await expect(storage.put(key, png, "image/png")).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(storage.get(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(storage.delete(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
    }
  });

  it("refuses a content type its extension does not carry", async () => {
    await expect(storage.put("media/x/page.html", text("<p>"), "text/html")).rejects.toThrow(/extension/);
    await expect(storage.put("media/x/image.png", text("<p>"), "text/html")).rejects.toThrow(/image\/png/);
    expect(await storage.get("media/x/image.png")).toBeNull();
  });
});
