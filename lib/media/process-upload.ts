import "server-only";
// An upload becomes a Media row in four steps: check the bytes (size, real type), decode and
// re-encode with sharp (upright, metadata stripped, WebP copies), store the files, then write
// the row and its audit entry in one transaction. When the row cannot be written, the stored
// files are removed again: nothing is left half-written.
import { createHash, randomUUID } from "node:crypto";
import sharp, { type Sharp, type SharpOptions } from "sharp";
import { ActionFailure } from "@/lib/platform/actions/result";
import { recordAudit } from "@/lib/platform/audit/record";
import { db } from "@/lib/platform/db";
import { getStorage } from "@/lib/platform/storage";
import { detectImageType, type ImageType } from "./detect-type";
import { AltTextSchema, MAX_IMAGE_PIXELS, MAX_UPLOAD_BYTES, MEDIA_MESSAGES, VARIANT_WIDTHS } from "./rules";
import { mediaItemSelect, toMediaItem, type MediaItem, type MediaRow, type MediaVariant } from "./types";

const SHARP_OPTIONS: SharpOptions = { failOn: "error", limitInputPixels: MAX_IMAGE_PIXELS, animated: false };
const ENCODE_TIMEOUT_SECONDS = 60;
/** What sharp's metadata calls each accepted type. */
const SHARP_FORMAT = { jpeg: "jpeg", png: "png", webp: "webp", avif: "heif" } as const;

interface Encoded {
  bytes: Uint8Array;
  width: number;
  height: number;
}

function invalidFile(message: string): ActionFailure {
  return new ActionFailure("INVALID", message, { file: [message] });
}

/** A name to show for the file: its last path segment, without control characters. */
export function cleanFileName(fileName: string, type: ImageType): string {
  const name = (fileName.split(/[\\/]/).pop() ?? "")
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim()
    .slice(0, 255);
  return name || `image.${type.extension}`;
}

/** Decoded and turned upright by its EXIF orientation; output carries no metadata. */
function decode(bytes: Uint8Array): Sharp {
  return sharp(bytes, SHARP_OPTIONS).autoOrient().timeout({ seconds: ENCODE_TIMEOUT_SECONDS });
}

/** The original, re-encoded in its own format so that EXIF (GPS, camera) and other metadata go. */
function encodeOriginal(bytes: Uint8Array, type: ImageType): Sharp {
  const image = decode(bytes);
  switch (type.kind) {
    case "jpeg":
      return image.jpeg({ quality: 90 });
    case "png":
      return image.png();
    case "webp":
      return image.webp({ quality: 90 });
    case "avif":
      // Effort 2 rather than 4: a 12-megapixel photo encodes in about a second, not four.
      return image.avif({ quality: 70, effort: 2 });
  }
}

async function run(image: Sharp): Promise<Encoded> {
  const { data, info } = await image.toBuffer({ resolveWithObject: true });
  return {
    bytes: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    width: info.width,
    height: info.height,
  };
}

/** Checks what sharp finds against the detected type, then makes the original and its copies. */
async function prepareImage(bytes: Uint8Array, type: ImageType) {
  try {
    // Reading the header decodes nothing, so the pixel limit can give its own message.
    const metadata = await sharp(bytes, { ...SHARP_OPTIONS, limitInputPixels: false }).metadata();
    const sameFormat =
      metadata.format === SHARP_FORMAT[type.kind] && (type.kind !== "avif" || metadata.compression === "av1");
    if (!sameFormat) throw invalidFile(MEDIA_MESSAGES.wrongType);
    if ((metadata.width ?? 0) * (metadata.height ?? 0) > MAX_IMAGE_PIXELS) {
      throw invalidFile(MEDIA_MESSAGES.tooManyPixels);
    }
    const original = await run(encodeOriginal(bytes, type));
    const variants: Encoded[] = [];
    for (const width of VARIANT_WIDTHS.filter((w) => w < original.width)) {
      variants.push(await run(decode(bytes).resize({ width }).webp({ quality: 80 })));
    }
    return { original, variants };
  } catch (error) {
    if (error instanceof ActionFailure) throw error;
    throw invalidFile(MEDIA_MESSAGES.unreadable);
  }
}

/**
 * Stores an uploaded image and records it. Refuses (ActionFailure "INVALID", a 400) files over
 * 10 MB, anything whose bytes are not JPEG, PNG, WebP or AVIF whatever its name says, images
 * that do not decode, and empty alt text. `byteSize` and `sha256` describe the stored original.
 */
export async function processUpload(
  file: Blob,
  fileName: string,
  alt: string,
  actor: { id: string },
  ip: string | null = null,
): Promise<MediaItem> {
  const altText = AltTextSchema.safeParse(alt);
  if (!altText.success) {
    const message = altText.error.issues[0]?.message ?? MEDIA_MESSAGES.altRequired;
    throw new ActionFailure("INVALID", message, { alt: [message] });
  }
  if (file.size === 0) throw invalidFile(MEDIA_MESSAGES.empty);
  if (file.size > MAX_UPLOAD_BYTES) throw invalidFile(MEDIA_MESSAGES.tooLarge);
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.length > MAX_UPLOAD_BYTES) throw invalidFile(MEDIA_MESSAGES.tooLarge);

  const { row, keys } = await storeImage(bytes, fileName, altText.data);
  try {
    const created = await db.$transaction(async (tx) => {
      const media = await tx.media.create({
        data: { ...row, uploadedById: actor.id },
        select: mediaItemSelect,
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "media.upload",
        entityType: "Media",
        entityId: row.id,
        after: row,
        ip,
      });
      return media;
    });
    return toMediaItem(created);
  } catch (error) {
    await removeFiles(keys);
    throw error;
  }
}

/** A checked, re-encoded image whose files are stored: what its Media row holds. */
export interface StoredImage {
  row: Omit<MediaRow, "variants" | "createdAt"> & { variants: MediaVariant[] };
  /** Every file written, for removal when the row cannot be. */
  keys: string[];
}

/**
 * Checks the bytes' real type, re-encodes them (original and WebP copies) and stores the files;
 * the caller writes the row. Removes what it wrote when a later file fails.
 */
export async function storeImage(bytes: Uint8Array, fileName: string, alt: string): Promise<StoredImage> {
  const type = detectImageType(bytes);
  if (!type) throw invalidFile(MEDIA_MESSAGES.wrongType);
  const { original, variants } = await prepareImage(bytes, type);

  const id = randomUUID();
  const storageKey = `media/${id}/original.${type.extension}`;
  const variantRows: MediaVariant[] = variants.map((variant) => ({
    width: variant.width,
    height: variant.height,
    storageKey: `media/${id}/w${variant.width}.webp`,
    contentType: "image/webp",
  }));
  const files = [
    { key: storageKey, bytes: original.bytes, contentType: type.contentType },
    ...variants.map((variant, i) => ({
      key: variantRows[i]!.storageKey,
      bytes: variant.bytes,
      contentType: "image/webp",
    })),
  ];
  const storage = getStorage();
  const written: string[] = [];
  try {
    for (const { key, bytes: data, contentType } of files) {
      written.push(key);
      await storage.put(key, data, contentType);
    }
  } catch (error) {
    await removeFiles(written);
    throw error;
  }
  return {
    row: {
      id,
      storageKey,
      fileName: cleanFileName(fileName, type),
      contentType: type.contentType,
      byteSize: original.bytes.length,
      width: original.width,
      height: original.height,
      sha256: createHash("sha256").update(original.bytes).digest("hex"),
      alt,
      variants: variantRows,
    },
    keys: written,
  };
}

/** Deletes stored files, best effort: a file left behind is an orphan, not a broken image. */
export async function removeFiles(keys: readonly string[]): Promise<void> {
  const storage = getStorage();
  const results = await Promise.allSettled(keys.map((key) => storage.delete(key)));
  for (const [i, result] of results.entries()) {
    if (result.status === "rejected")
      console.error(`Could not delete stored file ${keys[i]}:`, result.reason);
  }
}
